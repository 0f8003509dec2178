import datetime

import pytest

from tests.contracts.factories import ProposalFactory
from tests.factories import OfficerFactory
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)  # a Wednesday
TODAY = NOW.date()


def sent(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_officers_hear_of_a_proposal_without_decision_after_six_weeks():
    officer = OfficerFactory()
    handler = OfficerFactory()
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=6, hours=1))
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=7), handler=handler)
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=5))
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=8), verified_at=None)
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=8), status="afgewezen")
    reminders_queue(NOW)
    assert sent("contracts.proposal_waiting") == sorted([officer.pk, handler.pk, handler.pk])
