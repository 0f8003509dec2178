import datetime

import pytest

from tests.contracts.factories import SupportRequestFactory
from tests.factories import OfficerFactory
from wijkportaal.core.workdays import add_working_days
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)  # a Wednesday
TODAY = NOW.date()


def test_support_request_unanswered_after_ten_working_days():
    officer = OfficerFactory()
    # Wednesday 10 June minus 10 working days = Wednesday 27 May.
    assert add_working_days(TODAY, -10) == datetime.date(2026, 5, 27)
    old = SupportRequestFactory(created_at=datetime.datetime(2026, 5, 27, 15, tzinfo=datetime.UTC))
    SupportRequestFactory(created_at=datetime.datetime(2026, 5, 28, 8, tzinfo=datetime.UTC))
    SupportRequestFactory(
        created_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC), status="beantwoord"
    )
    reminders_queue(NOW)
    notes = Notification.objects.filter(kind="contracts.support_unanswered")
    assert [(n.recipient_id, n.object_id) for n in notes] == [(officer.pk, old.pk)]
