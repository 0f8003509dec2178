"""The workgroups' digest section: new agendas, minutes and deliverables of the workgroups a
reader sits in or chairs — nobody else's — in a constant number of queries; through the due
work it is mailed once per period, and an empty digest is not sent."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.factories import UserFactory
from tests.workgroups.factories import (
    DeliverableFactory,
    MeetingFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.notifications.due import due_work_run
from wijkportaal.notifications.models import Notification
from workgroups.digest import workgroups_section
from workgroups.models import DeliverableStatus

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY_9 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=AMS)
LAST_WEEK = datetime.datetime(2026, 12, 2, 14, 30, tzinfo=AMS)


def _news(workgroup, moment):
    meeting = MeetingFactory(
        workgroup=workgroup,
        title="Overleg rollen",
        starts_at=moment + datetime.timedelta(days=3),
        ends_at=moment + datetime.timedelta(days=3, hours=2),
        agenda="1. Opening\n2. Rolkeuzes",
        agenda_published_at=moment,
    )
    past = MeetingFactory(
        workgroup=workgroup,
        title="Startoverleg",
        starts_at=moment - datetime.timedelta(days=3),
        ends_at=moment - datetime.timedelta(days=3, hours=-2),
        minutes="Besloten: de werkgroep start.",
        minutes_published_at=moment,
    )
    deliverable = DeliverableFactory(
        workgroup=workgroup,
        title="Handreiking rollen",
        status=DeliverableStatus.DONE,
        text="De handreiking.",
        completed_at=moment,
        published_at=moment,
    )
    return meeting, past, deliverable


def test_members_and_the_chair_read_what_their_workgroup_published():
    now = timezone.now()
    workgroup = WorkgroupFactory(name="Rollen")
    member = WorkgroupMemberFactory(workgroup=workgroup).person
    outsider_seat = WorkgroupMemberFactory()  # another workgroup
    stranger = UserFactory()
    meeting, past, deliverable = _news(workgroup, now - datetime.timedelta(hours=2))
    users = [member, workgroup.chair, outsider_seat.person, stranger]
    since = dict.fromkeys([u.pk for u in users], now - datetime.timedelta(days=1))

    items = workgroups_section(users, since, now)

    assert set(items) == {member.pk, workgroup.chair_id}
    labels = sorted((item.label, item.url) for item in items[member.pk])
    assert labels == sorted(
        [
            ("Agenda gepubliceerd", meeting.get_absolute_url()),
            ("Verslag gepubliceerd", past.get_absolute_url()),
            ("Opbrengst opgeleverd", deliverable.get_absolute_url()),
        ]
    )
    assert {item.group_title for item in items[member.pk]} == {"Werkgroep Rollen"}


def test_only_what_was_published_in_the_readers_period():
    now = timezone.now()
    workgroup = WorkgroupFactory()
    member = WorkgroupMemberFactory(workgroup=workgroup).person
    _news(workgroup, now - datetime.timedelta(days=3))
    since = {member.pk: now - datetime.timedelta(days=1), workgroup.chair_id: now}
    assert workgroups_section([member, workgroup.chair], since, now) == {}
    # A planned, unpublished meeting and an unfinished deliverable are no news either.
    MeetingFactory(workgroup=workgroup)
    DeliverableFactory(workgroup=workgroup)
    assert workgroups_section([member], {member.pk: now - datetime.timedelta(days=1)}, now) == {}


@pytest.mark.parametrize("size", [1, 4])
def test_the_section_runs_a_constant_number_of_queries(django_assert_max_num_queries, size):
    now = timezone.now()
    users = []
    for _ in range(size):
        workgroup = WorkgroupFactory()
        users += [WorkgroupMemberFactory(workgroup=workgroup).person, workgroup.chair]
        _news(workgroup, now - datetime.timedelta(hours=1))
    since = dict.fromkeys([u.pk for u in users], now - datetime.timedelta(days=1))
    with django_assert_max_num_queries(4):
        items = workgroups_section(users, since, now)
    assert len(items) == 2 * size


def test_the_weekly_digest_carries_the_workgroups_news_once():
    with time_machine.travel(LAST_WEEK, tick=False) as clock:
        workgroup = WorkgroupFactory(name="Rollen")
        member = WorkgroupMemberFactory(workgroup=workgroup).person
        bystander = UserFactory()
        _news(workgroup, timezone.now())
        clock.move_to(MONDAY_9)
        due_work_run(MONDAY_9, send_inline=True)
        due_work_run(MONDAY_9 + datetime.timedelta(hours=1), send_inline=True)
    digests = Notification.objects.filter(kind="digest")
    assert sorted(digests.values_list("recipient_id", flat=True)) == sorted(
        [member.pk, workgroup.chair_id]
    )
    assert not digests.filter(recipient=bystander).exists()
    message = next(m for m in mail.outbox if m.to == [member.email])
    assert "Werkgroep Rollen" in message.body and "Handreiking rollen" in message.body
    assert "Agenda gepubliceerd" in message.body
