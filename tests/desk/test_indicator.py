"""The answered-in-term indicators (recommendations 6 and 7) at the edge of their definition."""

import datetime

import pytest
from django.utils import timezone

from wijkportaal.core.registry import IndicatorSource, Period, registry
from wijkportaal.desk.models import CaseStatus

from .factories import CaseFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))
PERIOD = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), now=NOW)


def answered(kind, *, in_term, received_days_ago=30):
    received = NOW - datetime.timedelta(days=received_days_ago)
    return CaseFactory(
        kind=kind,
        received_at=received,
        status=CaseStatus.ANSWERED,
        answer="Antwoord.",
        answered_at=received + datetime.timedelta(days=5),
        working_days_to_answer=4 if in_term else 14,
        answered_in_term=in_term,
    )


def test_share_of_cases_answered_in_term_counts_only_what_was_due():
    every_kind = registry.get(IndicatorSource, "desk.answered_in_term_share").compute
    support = registry.get(IndicatorSource, "ondersteuning.answered_in_term_share").compute
    assert every_kind(PERIOD) is None  # nothing was due yet
    answered("ondersteuning.request", in_term=True)
    answered("ondersteuning.request", in_term=False)
    answered("workgroups.feedback", in_term=True)
    # Open past its date: late. Open within its term: not due yet, not counted.
    CaseFactory(
        kind="ondersteuning.request",
        received_at=NOW - datetime.timedelta(days=40),
        answer_by=datetime.date(2026, 6, 1),
    )
    CaseFactory(
        kind="ondersteuning.request",
        received_at=NOW - datetime.timedelta(days=2),
        answer_by=datetime.date(2026, 6, 20),
    )
    # Received before the period: another period's figure.
    answered("ondersteuning.request", in_term=True, received_days_ago=200)
    assert support(PERIOD) == round(100 / 3, 1)
    assert every_kind(PERIOD) == 50.0
