import datetime

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory
from training.models import SeatStatus
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue

from .factories import (
    ConferenceFactory,
    EnrolmentFactory,
    RegistrationFactory,
    RoundFactory,
    SessionFactory,
    WishAnswerFactory,
)

pytestmark = pytest.mark.django_db


def kinds_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_boards_that_have_not_answered_get_a_reminder_five_days_before_the_deadline():
    today = timezone.localdate()
    round_ = RoundFactory(deadline=today + datetime.timedelta(days=5))
    silent = MembershipFactory(function="voorzitter")
    answered = MembershipFactory(function="secretaris")
    WishAnswerFactory(round=round_, council=answered.council)
    plain_member = MembershipFactory(council=silent.council, function="lid")
    reminders_queue(timezone.now())
    reminders_queue(timezone.now())
    assert kinds_for(silent.person) == ["training.inventory_deadline"]
    assert kinds_for(answered.person) == []
    assert kinds_for(plain_member.person) == []
    assert "Nog vijf dagen" in Notification.objects.get(recipient=silent.person).subject


def test_no_inventory_reminder_long_before_the_deadline():
    RoundFactory(deadline=timezone.localdate() + datetime.timedelta(days=9))
    chair = MembershipFactory(function="voorzitter").person
    reminders_queue(timezone.now())
    assert kinds_for(chair) == []


def test_enrolled_people_get_a_reminder_two_days_before_a_session():
    session = SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=1, hours=20))
    seated = EnrolmentFactory(session=session)
    waiting = EnrolmentFactory(session=session, status=SeatStatus.WAITING)
    later = EnrolmentFactory(
        session=SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=5))
    )
    reminders_queue(timezone.now())
    reminders_queue(timezone.now())
    assert kinds_for(seated.person) == ["training.session_reminder"]
    assert kinds_for(waiting.person) == []
    assert kinds_for(later.person) == []


def test_registered_people_get_a_reminder_a_week_before_the_conference():
    conference = ConferenceFactory(starts_at=timezone.now() + datetime.timedelta(days=6))
    registered = RegistrationFactory(conference=conference)
    cancelled = RegistrationFactory(conference=conference, status=SeatStatus.CANCELLED)
    reminders_queue(timezone.now())
    assert kinds_for(registered.person) == ["training.conference_reminder"]
    assert kinds_for(cancelled.person) == []


@pytest.mark.parametrize("size", [2, 10])
def test_reminder_finders_use_a_constant_number_of_queries(size, django_assert_max_num_queries):
    from training.reminders import conference_soon_due, inventory_deadline_due, session_soon_due

    now = timezone.now()
    round_ = RoundFactory(deadline=timezone.localdate() + datetime.timedelta(days=3))
    conference = ConferenceFactory(starts_at=now + datetime.timedelta(days=3))
    for _ in range(size):
        MembershipFactory(function="voorzitter")
        EnrolmentFactory(session=SessionFactory(starts_at=now + datetime.timedelta(days=1)))
        RegistrationFactory(conference=conference)
    assert round_
    with django_assert_max_num_queries(5):
        dues = list(inventory_deadline_due(now)) + list(session_soon_due(now))
        dues += list(conference_soon_due(now))
    assert len(dues) == 3 * size
