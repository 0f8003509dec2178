"""The indicator of recommendation 6 (agreed ways of working) at the edge of its definition."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from wijkportaal.core.registry import IndicatorSource, Period, registry

from .factories import ContactMomentKindFactory

pytestmark = pytest.mark.django_db


def test_share_of_contact_moment_kinds_with_an_agreed_way_of_working():
    source = registry.get(IndicatorSource, "workgroups.agreed_format_share").compute
    now = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))
    period = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), now=now)
    assert source(period) is None  # nothing to measure
    ContactMomentKindFactory(agreed_format="Verslag binnen tien dagen.", format_agreed_on=None)
    ContactMomentKindFactory(
        agreed_format="Agenda vooraf, verslag na afloop.",
        format_agreed_on=datetime.date(2026, 6, 15),  # agreed today: counts
    )
    ContactMomentKindFactory(
        agreed_format="Route samen kiezen.",
        format_agreed_on=datetime.date(2026, 6, 16),  # tomorrow: not yet
    )
    ContactMomentKindFactory()
    assert source(period) == 25.0


def test_an_agreement_without_a_description_is_refused():
    with pytest.raises(IntegrityError):
        ContactMomentKindFactory(format_agreed_on=datetime.date(2026, 1, 1))
