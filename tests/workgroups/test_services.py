import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from recommendations.models import ActionStatus
from recommendations.selectors import waiting_on
from recommendations.services import progress_update_from_deliverable
from tests.factories import DepartmentFactory, MembershipFactory, OfficerFactory, UserFactory
from tests.recommendations.factories import ActionItemFactory
from tests.workgroups.factories import (
    ContactMomentFactory,
    ContactMomentKindFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.desk.models import Case, CaseRoute
from wijkportaal.notifications.models import Notification
from workgroups.models import ContactFeedback, DeliverableStatus, FeedbackType
from workgroups.services import (
    contact_feedback_create,
    deliverable_complete,
    meeting_agenda_publish,
    meeting_minutes_publish,
)

pytestmark = pytest.mark.django_db


def past_meeting(**kwargs):
    start = timezone.now() - datetime.timedelta(days=2)
    return MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), **kwargs)


def test_chair_can_publish_an_agenda_beforehand():
    meeting = MeetingFactory()
    meeting_agenda_publish(actor=meeting.workgroup.chair, meeting=meeting, agenda="1. Opening")
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None


def test_chair_cannot_publish_an_agenda_after_the_start():
    meeting = past_meeting()
    with pytest.raises(ValidationError) as error:
        meeting_agenda_publish(actor=meeting.workgroup.chair, meeting=meeting, agenda="x")
    assert "vooraf" in error.value.message_dict["agenda"][0]


def test_member_cannot_run_a_meeting():
    meeting = MeetingFactory()
    member = WorkgroupMemberFactory(workgroup=meeting.workgroup).person
    with pytest.raises(PermissionDenied):
        meeting_agenda_publish(actor=member, meeting=meeting, agenda="1. Opening")


def test_chair_cannot_publish_minutes_before_the_meeting_happened():
    meeting = MeetingFactory()
    with pytest.raises(ValidationError) as error:
        meeting_minutes_publish(actor=meeting.workgroup.chair, meeting=meeting, minutes="Verslag")
    assert "nog niet plaatsgevonden" in error.value.message_dict["minutes"][0]
    meeting.refresh_from_db()
    assert meeting.minutes == "" and meeting.minutes_published_at is None


def test_chair_publishes_minutes_with_attendance_afterwards():
    meeting = past_meeting()
    seat = WorkgroupMemberFactory(workgroup=meeting.workgroup)
    stranger = WorkgroupMemberFactory()
    with pytest.raises(ValidationError):
        meeting_minutes_publish(
            actor=meeting.workgroup.chair,
            meeting=meeting,
            minutes="Verslag",
            attendee_ids=[stranger.pk],
        )
    meeting_minutes_publish(
        actor=meeting.workgroup.chair, meeting=meeting, minutes="Verslag", attendee_ids=[seat.pk]
    )
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None
    assert list(meeting.attendees.all()) == [seat]


def test_officer_can_run_any_meeting():
    meeting = past_meeting()
    meeting_minutes_publish(actor=OfficerFactory(), meeting=meeting, minutes="Verslag")


def test_completing_the_roles_deliverable_unblocks_the_promotion_campaign():
    roles_action = ActionItemFactory(key="werkgroep-rollen", status=ActionStatus.RUNNING)
    campaign = ActionItemFactory(key="promotiecampagne")
    campaign.dependencies.add(roles_action)
    deliverable = DeliverableFactory(action=roles_action, text="Handreiking")
    deliverable_complete(actor=deliverable.workgroup.chair, deliverable=deliverable)
    roles_action.refresh_from_db()
    deliverable.refresh_from_db()
    assert deliverable.status == DeliverableStatus.DONE
    assert deliverable.published_at is not None
    assert roles_action.status == ActionStatus.DONE
    assert roles_action.updates.get().author == deliverable.workgroup.chair
    # The campaign no longer waits: it can be completed now.
    assert waiting_on(campaign) == []


def test_completion_is_refused_while_the_action_waits_and_nothing_is_saved():
    blocker = ActionItemFactory(title="Eerst dit")
    action = ActionItemFactory()
    action.dependencies.add(blocker)
    deliverable = DeliverableFactory(action=action, text="Tekst")
    with pytest.raises(ValidationError) as error:
        deliverable_complete(actor=deliverable.workgroup.chair, deliverable=deliverable)
    assert "Eerst dit" in error.value.message_dict["action"][0]
    deliverable.refresh_from_db()
    assert deliverable.status != DeliverableStatus.DONE
    assert deliverable.published_at is None


def test_completion_can_leave_the_action_open():
    action = ActionItemFactory()
    deliverable = DeliverableFactory(action=action, text="Tekst")
    deliverable_complete(
        actor=deliverable.workgroup.chair, deliverable=deliverable, complete_action=False
    )
    action.refresh_from_db()
    assert action.status != ActionStatus.DONE


def test_deliverable_needs_text_or_document():
    deliverable = DeliverableFactory()
    with pytest.raises(ValidationError) as error:
        deliverable_complete(actor=deliverable.workgroup.chair, deliverable=deliverable, text="")
    assert "tekst of een document" in error.value.message_dict["text"][0]


def test_member_cannot_complete_a_deliverable():
    deliverable = DeliverableFactory(text="Tekst")
    member = WorkgroupMemberFactory(workgroup=deliverable.workgroup).person
    with pytest.raises(PermissionDenied):
        deliverable_complete(actor=member, deliverable=deliverable)


def test_council_member_leaves_a_bottleneck_about_an_occurrence(council, member):
    moment = ContactMomentFactory(council=council)
    feedback = contact_feedback_create(
        actor=member,
        council=council,
        occurrence=moment,
        type=FeedbackType.BOTTLENECK,
        text="De uitnodiging kwam te laat.",
    )
    assert feedback.kind == moment.kind


def test_member_cannot_give_feedback_on_another_councils_occurrence(council, member):
    moment = ContactMomentFactory()
    with pytest.raises(ValidationError):
        contact_feedback_create(actor=member, council=council, occurrence=moment, text="x")
    assert not ContactFeedback.objects.exists()


def test_outsider_cannot_give_feedback(council):
    with pytest.raises(PermissionDenied):
        contact_feedback_create(
            actor=UserFactory(), council=council, kind=ContactMomentKindFactory(), text="x"
        )


def test_feedback_needs_text(council, member):
    with pytest.raises(ValidationError) as error:
        contact_feedback_create(
            actor=member, council=council, kind=ContactMomentKindFactory(), text="  "
        )
    assert "text" in error.value.message_dict


def test_workgroup_membership_is_shown_with_organisation(council):
    seat = MembershipFactory(council=council, function="voorzitter")
    member = WorkgroupMemberFactory(person=seat.person, council=council)
    officer = OfficerFactory()
    officer_seat = WorkgroupMemberFactory(
        workgroup=member.workgroup, person=officer, department=officer.department
    )
    assert member.organisation == council.name
    assert officer.department.name in officer_seat.organisation


def test_officer_completes_deliverables_from_the_admin_and_sees_refusals(client):
    from recommendations.models import ActionStatus

    officer = OfficerFactory()
    blocker = ActionItemFactory(title="Wacht hierop")
    blocked = ActionItemFactory()
    blocked.dependencies.add(blocker)
    ok = DeliverableFactory(text="Klaar", action=ActionItemFactory(status=ActionStatus.RUNNING))
    refused = DeliverableFactory(text="Klaar", action=blocked)
    client.force_login(officer)
    response = client.post(
        "/admin/workgroups/deliverable/",
        {"action": "complete_selected", "_selected_action": [ok.pk, refused.pk]},
        follow=True,
    )
    assert "Wacht hierop" in response.text
    ok.refresh_from_db()
    refused.refresh_from_db()
    assert ok.status == DeliverableStatus.DONE
    assert refused.status != DeliverableStatus.DONE


def test_completion_is_refused_when_the_action_was_cancelled_and_nothing_is_saved():
    action = ActionItemFactory(status=ActionStatus.CANCELLED)
    deliverable = DeliverableFactory(action=action, text="Tekst")
    with pytest.raises(ValidationError) as error:
        deliverable_complete(actor=deliverable.workgroup.chair, deliverable=deliverable)
    assert "kan niet naar" in error.value.message_dict["action"][0]
    deliverable.refresh_from_db()
    action.refresh_from_db()
    assert deliverable.status != DeliverableStatus.DONE
    assert action.status == ActionStatus.CANCELLED and not action.updates.exists()


def _delivered(**kwargs):
    return DeliverableFactory(
        text="Tekst", status=DeliverableStatus.DONE, completed_at=timezone.now(), **kwargs
    )


def test_chair_completes_the_linked_action_through_a_delivered_product():
    deliverable = _delivered(action=ActionItemFactory(status=ActionStatus.RUNNING))
    chair = deliverable.workgroup.chair
    update = progress_update_from_deliverable(actor=chair, deliverable=deliverable, text="Klaar")
    assert (update.author, update.status_after, update.progress_after) == (chair, "afgerond", 100)


def test_a_product_not_yet_delivered_completes_no_action():
    deliverable = DeliverableFactory(text="Tekst", action=ActionItemFactory())
    with pytest.raises(PermissionDenied):
        progress_update_from_deliverable(
            actor=deliverable.workgroup.chair, deliverable=deliverable, text="Klaar"
        )
    assert not deliverable.action.updates.exists()


def test_member_cannot_complete_an_action_through_a_delivered_product():
    deliverable = _delivered(action=ActionItemFactory())
    member = WorkgroupMemberFactory(workgroup=deliverable.workgroup).person
    with pytest.raises(PermissionDenied):
        progress_update_from_deliverable(actor=member, deliverable=deliverable, text="Klaar")
    assert not deliverable.action.updates.exists()


# --- The desk: feedback and bottlenecks are cases ----------------------------------------------


@pytest.mark.parametrize(
    ("type", "kind_key"),
    [
        (FeedbackType.FEEDBACK, "workgroups.feedback"),
        (FeedbackType.BOTTLENECK, "workgroups.bottleneck"),
    ],
)
def test_feedback_opens_one_case_at_the_contact_moments_department(council, member, type, kind_key):
    moment = ContactMomentFactory(council=council)
    department = moment.kind.department
    department.email = "wijkschouw@gemeente.test"
    department.save()
    dept_officer = OfficerFactory(department=department)
    feedback = contact_feedback_create(
        actor=member, council=council, occurrence=moment, type=type, text="Te laat uitgenodigd."
    )
    case = Case.objects.get()
    assert (case.kind, case.subject, case.council, case.submitted_by) == (
        kind_key,
        feedback,
        council,
        member,
    )
    assert case.department == department and case.topic == moment.kind.slug
    assert case.summary == "Te laat uitgenodigd." and moment.kind.name in case.title
    assert case.is_public
    rows = Notification.objects.order_by("kind", "recipient_key")
    assert [(row.kind, row.recipient_key) for row in rows] == [
        ("desk.new_case", "a:wijkschouw@gemeente.test"),
        ("desk.new_case", f"u:{dept_officer.pk}"),
        ("desk.receipt", f"u:{member.pk}"),
    ]


def test_an_administrators_route_for_the_kind_wins_over_the_contact_moments_department(
    council, member
):
    route_to = DepartmentFactory()
    CaseRoute.objects.create(kind="workgroups.feedback", department=route_to)
    contact_feedback_create(
        actor=member, council=council, kind=ContactMomentKindFactory(), text="Goed overleg."
    )
    assert Case.objects.get().department == route_to


def test_refused_feedback_opens_no_case_and_sends_nothing(council, member):
    with pytest.raises(ValidationError):
        contact_feedback_create(
            actor=member, council=council, kind=ContactMomentKindFactory(), text=" "
        )
    assert not Case.objects.exists() and not Notification.objects.exists()
