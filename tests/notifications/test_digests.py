import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from tests.factories import CouncillorFactory, MembershipFactory, OfficerFactory, UserFactory
from tests.notifications.factories import FollowFactory, ProgressUpdateFactory, ReactionFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from wijkportaal.notifications.digests import digests_queue
from wijkportaal.notifications.due import due_work_run
from wijkportaal.notifications.models import (
    DigestFrequency,
    Notification,
    NotificationPreference,
)

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY_9 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=AMS)
LAST_WEEK = datetime.datetime(2026, 12, 2, 14, 30, tzinfo=AMS)


@pytest.fixture
def clock():
    with time_machine.travel(LAST_WEEK, tick=False) as traveller:
        yield traveller


@pytest.fixture
def followed_action(clock):
    recommendation = RecommendationFactory(number=3, title="Inwerken en scholing")
    return ActionItemFactory(title="Scholingsprogramma", recommendations=[recommendation])


def run_at(clock, moment, **kwargs):
    clock.move_to(moment)
    return due_work_run(moment, send_inline=True, **kwargs)


def digests_of(user):
    return Notification.objects.filter(recipient=user, kind="digest")


def test_councillor_gets_weekly_digest_of_followed_recommendation(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, recommendation=followed_action.recommendations.first())
    ProgressUpdateFactory(
        action=followed_action, text="Tien wijkraden meldden zich aan.", status_after="lopend"
    )

    run_at(clock, MONDAY_9)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [councillor.email]
    assert "1 wijziging" in message.subject
    assert "Aanbeveling 3: Inwerken en scholing" in message.body
    assert "Status gepland → lopend: Scholingsprogramma" in message.body
    assert f"/voortgang/acties/{followed_action.pk}/" in message.body
    assert "/mijn/meldingen/afmelden/" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="nl">' in html
    assert "<h1" in html and "<h2" in html
    assert "Tien wijkraden meldden zich aan." in html
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")


def test_nothing_changed_gives_no_email_and_no_row(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, recommendation=followed_action.recommendations.first())

    run_at(clock, MONDAY_9)

    assert mail.outbox == []
    assert not digests_of(councillor).exists()
    # The empty digest still counts as built, so the next beat tick does not rebuild it.
    assert NotificationPreference.objects.get(user=councillor).last_digest_at == MONDAY_9


def test_running_the_due_work_twice_sends_each_digest_once(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, action=followed_action)
    ProgressUpdateFactory(action=followed_action)

    run_at(clock, MONDAY_9)
    run_at(clock, MONDAY_9)
    run_at(clock, MONDAY_9 + datetime.timedelta(hours=2))

    assert len(mail.outbox) == 1
    assert digests_of(councillor).get().occasion == "digest:wekelijks:2026-12-07"


def test_nobody_gets_a_digest_before_the_digest_hour(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, action=followed_action)
    ProgressUpdateFactory(action=followed_action)

    assert digests_queue(MONDAY_9.replace(hour=6, minute=59)) == 0
    assert digests_queue(MONDAY_9.replace(hour=7)) == 1


def test_next_digest_holds_only_what_changed_since_the_previous_one(clock, followed_action):
    officer = OfficerFactory(department=followed_action.department)
    colleague = OfficerFactory(department=followed_action.department)
    clock.move_to(MONDAY_9 - datetime.timedelta(hours=1))
    ProgressUpdateFactory(action=followed_action, author=colleague, text="Eerste bericht.")
    run_at(clock, MONDAY_9)
    clock.move_to(MONDAY_9 + datetime.timedelta(hours=3))
    ProgressUpdateFactory(action=followed_action, author=colleague, text="Tweede bericht.")

    run_at(clock, MONDAY_9 + datetime.timedelta(days=1))

    first, second = (m for m in mail.outbox if m.to == [officer.email])
    assert "Eerste bericht." in first.body and "Tweede bericht." not in first.body
    assert "Tweede bericht." in second.body and "Eerste bericht." not in second.body


def test_officer_does_not_get_own_updates_or_other_departments(clock, followed_action):
    officer = OfficerFactory(department=followed_action.department)
    clock.move_to(MONDAY_9 - datetime.timedelta(hours=1))
    ProgressUpdateFactory(action=followed_action, author=officer)
    ProgressUpdateFactory(action=ActionItemFactory())  # another department

    run_at(clock, MONDAY_9)

    assert not digests_of(officer).exists()


def test_wijkraad_member_gets_actions_their_wijkraad_reacted_on(clock, followed_action):
    membership = MembershipFactory()
    ReactionFactory(action=followed_action, council=membership.council, author=membership.person)
    outsider = MembershipFactory().person
    ProgressUpdateFactory(action=followed_action, text="Reactie verwerkt.")

    run_at(clock, MONDAY_9)

    assert "Reactie verwerkt." in digests_of(membership.person).get().body_text
    assert not digests_of(outsider).exists()


def test_digest_lists_newly_overdue_and_coming_deadlines(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, recommendation=followed_action.recommendations.first())
    followed_action.due_date = datetime.date(2026, 12, 3)
    followed_action.save()
    soon = ActionItemFactory(
        title="Promotiecampagne",
        recommendations=list(followed_action.recommendations.all()),
        due_date=datetime.date(2026, 12, 10),
    )

    run_at(clock, MONDAY_9)

    body = digests_of(councillor).get().body_text
    assert "Over de deadline: Scholingsprogramma" in body
    assert f"Deadline komt eraan: {soon.title}" in body


def test_coming_deadlines_alone_send_nothing(clock, followed_action):
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, action=followed_action)
    followed_action.due_date = datetime.date(2026, 12, 10)
    followed_action.save()

    run_at(clock, MONDAY_9)

    assert not digests_of(councillor).exists()


@pytest.mark.parametrize(
    ("frequency", "moment", "expected"),
    [
        (DigestFrequency.DAILY, MONDAY_9 + datetime.timedelta(days=1), 1),
        (DigestFrequency.WEEKLY, MONDAY_9, 1),
        (DigestFrequency.MONTHLY, MONDAY_9, 0),
        (DigestFrequency.MONTHLY, datetime.datetime(2027, 1, 1, 8, tzinfo=AMS), 1),
        (DigestFrequency.NEVER, MONDAY_9, 0),
    ],
)
def test_digest_follows_the_chosen_frequency(clock, followed_action, frequency, moment, expected):
    user = UserFactory()
    NotificationPreference.objects.create(
        user=user,
        digest_frequency=frequency,
        last_digest_at=datetime.datetime(2026, 12, 1, 7, tzinfo=AMS),
    )
    FollowFactory(user=user, action=followed_action)
    ProgressUpdateFactory(action=followed_action)

    run_at(clock, moment)

    assert digests_of(user).count() == expected


def build_subscribers(count, action):
    for _ in range(count):
        FollowFactory(user=CouncillorFactory(), action=action)


@pytest.mark.parametrize("subscribers", [3, 30])
def test_digest_queries_do_not_grow_per_recipient(
    clock, followed_action, subscribers, django_assert_max_num_queries
):
    build_subscribers(subscribers, followed_action)
    ProgressUpdateFactory(action=followed_action)
    clock.move_to(MONDAY_9)

    # The same ceiling at both sizes. The workgroups (2 queries when nobody sits in one), the
    # training (1 without wijkraad members), the toolkit (1 without new know-how) and the
    # contracts (1, nothing moved there) sections added 5 to the 16 before them.
    with django_assert_max_num_queries(21):
        queued = digests_queue(MONDAY_9)

    assert queued == subscribers
