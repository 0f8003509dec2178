import datetime

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory
from tests.workgroups.factories import (
    ContactMomentFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue
from workgroups.models import DeliverableStatus
from workgroups.reminders import contact_moments_due, deliverables_due, meetings_due

pytestmark = pytest.mark.django_db


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def test_members_and_chair_are_reminded_of_a_meeting_in_two_days_once():
    meeting = MeetingFactory(starts_at=in_hours(40), ends_at=in_hours(42))
    seat = WorkgroupMemberFactory(workgroup=meeting.workgroup)
    MeetingFactory(starts_at=in_hours(24 * 5), ends_at=in_hours(24 * 5 + 2))  # later: not yet
    reminders_queue(timezone.now())
    reminders_queue(timezone.now())
    rows = Notification.objects.filter(kind="workgroup_meeting")
    assert {r.recipient_id for r in rows} == {seat.person_id, meeting.workgroup.chair_id}
    assert {r.occasion for r in rows} == {f"meeting:{meeting.pk}:2d"}
    assert meeting.title in rows.first().body_text


def test_chair_is_reminded_of_a_deliverable_due_within_seven_days():
    due = DeliverableFactory(due_date=timezone.localdate() + datetime.timedelta(days=7))
    DeliverableFactory(
        due_date=timezone.localdate() + datetime.timedelta(days=3),
        status=DeliverableStatus.DONE,
        completed_at=timezone.now(),
    )
    DeliverableFactory(due_date=timezone.localdate() + datetime.timedelta(days=8))
    reminders_queue(timezone.now())
    rows = Notification.objects.filter(kind="deliverable_due")
    assert [(r.recipient_id, r.occasion) for r in rows] == [
        (due.workgroup.chair_id, f"deliverable:{due.pk}:7d")
    ]


def test_council_members_are_reminded_of_a_contact_moment_in_three_days(council, member):
    moment = ContactMomentFactory(council=council, starts_at=in_hours(70), ends_at=in_hours(72))
    MembershipFactory()  # someone of another wijkraad
    reminders_queue(timezone.now())
    rows = Notification.objects.filter(kind="contact_moment")
    assert [(r.recipient_id, r.occasion) for r in rows] == [
        (member.pk, f"contactmoment:{moment.pk}:3d")
    ]
    assert f"/contactmomenten/{council.slug}/" in rows.get().body_text


@pytest.mark.parametrize("finder", [meetings_due, deliverables_due, contact_moments_due])
def test_finders_use_a_constant_number_of_queries(finder, django_assert_max_num_queries):
    for _round in range(2):
        for _ in range(3):
            meeting = MeetingFactory(starts_at=in_hours(30), ends_at=in_hours(32))
            WorkgroupMemberFactory(workgroup=meeting.workgroup)
            DeliverableFactory(due_date=timezone.localdate() + datetime.timedelta(days=2))
            moment = ContactMomentFactory(starts_at=in_hours(30), ends_at=in_hours(32))
            MembershipFactory(council=moment.council)
        with django_assert_max_num_queries(3):
            assert list(finder(timezone.now()))
