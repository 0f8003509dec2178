import datetime

import pytest
import time_machine
from django.utils import timezone

from recommendations.reminders import KIND_DUE_SOON, KIND_OVERDUE, find_action_reminders
from tests.factories import OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def owner():
    return OfficerFactory(email="eigenaar@gemeente.test")


def test_responsible_officer_hears_a_week_before_the_due_date(owner):
    action = ActionItemFactory(
        title="Toolkit", responsible=owner, due_date=TODAY + datetime.timedelta(days=7)
    )
    ActionItemFactory(responsible=owner, due_date=TODAY + datetime.timedelta(days=8))
    ActionItemFactory(
        responsible=owner,
        due_date=TODAY + datetime.timedelta(days=3),
        status="afgerond",
        progress=100,
    )
    with time_machine.travel(at(TODAY), tick=False):
        assert reminders_queue(at(TODAY)) == 1
        assert reminders_queue(at(TODAY)) == 0  # once per due date
    notification = Notification.objects.get()
    assert notification.kind == KIND_DUE_SOON and notification.recipient == owner
    assert "over 7 dagen klaar" in notification.subject
    assert f"/voortgang/acties/{action.pk}/" in notification.body_text
    assert f"/admin/recommendations/actionitem/{action.pk}/change/" in notification.body_html


def test_overdue_reminder_repeats_weekly_while_overdue(owner):
    action = ActionItemFactory(title="Campagne", responsible=owner, due_date=TODAY)
    sent = []
    for offset in range(1, 16):
        day = TODAY + datetime.timedelta(days=offset)
        reminders_queue(at(day))
        sent.append(Notification.objects.filter(kind=KIND_OVERDUE).count())
    # Day 1, 8 and 15 after the due date.
    assert sent == [1] * 7 + [2] * 7 + [3]
    assert "1 dag over tijd" in Notification.objects.filter(kind=KIND_OVERDUE).last().body_text
    action.status, action.progress = "afgerond", 100
    action.save()
    reminders_queue(at(TODAY + datetime.timedelta(days=22)))
    assert Notification.objects.filter(kind=KIND_OVERDUE).count() == 3


@pytest.mark.parametrize("count", [2, 20])
def test_finder_runs_a_constant_number_of_queries(django_assert_max_num_queries, count):
    for index in range(count):
        ActionItemFactory(
            responsible=OfficerFactory(),
            due_date=TODAY + datetime.timedelta(days=index % 10 - 5),
        )
    with django_assert_max_num_queries(1):
        dues = list(find_action_reminders(at(TODAY)))
    assert len(dues) == sum(1 for i in range(count) if i % 10 - 5 <= 7)
