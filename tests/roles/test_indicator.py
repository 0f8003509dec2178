"""The indicator of recommendation 1 at the edge of its definition."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import CouncilFactory
from wijkportaal.core.registry import IndicatorSource, Period, registry

from .factories import RoleDeclarationFactory

pytestmark = pytest.mark.django_db


def test_share_of_wijkraden_with_a_role_declaration_in_force():
    source = registry.get(IndicatorSource, "roles.current_declaration_share").compute
    now = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))
    today = timezone.localdate(now)
    period = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), now=now)
    in_force, upcoming, ended, none = CouncilFactory.create_batch(4)
    CouncilFactory(active=False)  # an inactive wijkraad is not counted at all
    RoleDeclarationFactory(council=in_force, start=today)  # starts today: in force
    RoleDeclarationFactory(council=upcoming, start=today + datetime.timedelta(days=1))
    RoleDeclarationFactory(
        council=ended,
        start=today - datetime.timedelta(days=100),
        end=today - datetime.timedelta(days=1),
    )
    assert source(period) == 25.0
