import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import MembershipFactory, OfficerFactory
from training import services
from training.forms import SessionAdminForm
from training.models import Enrolment, SeatStatus
from wijkportaal.notifications.models import Notification

from .factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def members(n):
    return [MembershipFactory().person for _ in range(n)]


def test_member_can_enrol_and_gets_a_confirmation_with_calendar_link(
    member, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    session = SessionFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_create(actor=member, session=session)
    assert enrolment.status == SeatStatus.ENROLLED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Ingeschreven" in message.subject
    assert f"/scholing/sessies/{session.pk}/agenda.ics" in message.body


def test_member_lands_on_the_waiting_list_when_full(member):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session)
    enrolment = services.enrolment_create(actor=member, session=session)
    assert enrolment.status == SeatStatus.WAITING
    notification = Notification.objects.get(recipient=member)
    assert "wachtlijst" in notification.subject.lower()


def test_member_cannot_enrol_twice(member):
    session = SessionFactory()
    services.enrolment_create(actor=member, session=session)
    with pytest.raises(ValidationError) as error:
        services.enrolment_create(actor=member, session=session)
    assert error.value.messages == ["U bent al ingeschreven voor deze bijeenkomst."]
    assert Enrolment.objects.filter(session=session).count() == 1


def test_member_on_waiting_list_cannot_join_it_twice(member):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session)
    services.enrolment_create(actor=member, session=session)
    with pytest.raises(ValidationError, match="al op de wachtlijst"):
        services.enrolment_create(actor=member, session=session)


def test_member_cannot_enrol_in_a_past_session(member):
    session = SessionFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="al begonnen of voorbij"):
        services.enrolment_create(actor=member, session=session)
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("kind", ["resident_user", "councillor", "officer"])
def test_non_members_cannot_enrol(request, kind):
    user = request.getfixturevalue(kind)
    with pytest.raises(PermissionDenied):
        services.enrolment_create(actor=user, session=SessionFactory())
    assert not Enrolment.objects.exists()


def test_cancellation_promotes_the_next_person_and_mails_at_once(
    django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    first, second, third = members(3)
    session = SessionFactory(capacity=1)
    seat = services.enrolment_create(actor=first, session=session)
    services.enrolment_create(actor=second, session=session)
    services.enrolment_create(actor=third, session=session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_cancel(actor=first, enrolment=seat)
    statuses = dict(Enrolment.objects.values_list("person_id", "status"))
    assert statuses == {
        first.pk: SeatStatus.CANCELLED,
        second.pk: SeatStatus.ENROLLED,
        third.pk: SeatStatus.WAITING,
    }
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "plaats vrijgekomen" in mail.outbox[0].subject


def test_leaving_the_waiting_list_promotes_nobody():
    first, second, third = members(3)
    session = SessionFactory(capacity=1)
    services.enrolment_create(actor=first, session=session)
    waiting = services.enrolment_create(actor=second, session=session)
    services.enrolment_create(actor=third, session=session)
    services.enrolment_cancel(actor=second, enrolment=waiting)
    assert Enrolment.objects.get(person=third).status == SeatStatus.WAITING


def test_member_can_enrol_again_after_cancelling(member):
    session = SessionFactory()
    enrolment = services.enrolment_create(actor=member, session=session)
    services.enrolment_cancel(actor=member, enrolment=enrolment)
    again = services.enrolment_create(actor=member, session=session)
    assert again.pk == enrolment.pk and again.status == SeatStatus.ENROLLED


def test_member_cannot_cancel_twice(member):
    enrolment = services.enrolment_create(actor=member, session=SessionFactory())
    services.enrolment_cancel(actor=member, enrolment=enrolment)
    with pytest.raises(ValidationError, match="al afgemeld"):
        services.enrolment_cancel(actor=member, enrolment=enrolment)


def test_member_cannot_cancel_someone_elses_enrolment(member):
    other = EnrolmentFactory()
    with pytest.raises(PermissionDenied):
        services.enrolment_cancel(actor=member, enrolment=other)
    other.refresh_from_db()
    assert other.status == SeatStatus.ENROLLED


def test_officer_cannot_lower_capacity_below_the_number_enrolled(officer):
    session = SessionFactory(capacity=3)
    EnrolmentFactory.create_batch(3, session=session)
    with pytest.raises(ValidationError) as error:
        services.session_capacity_change(actor=officer, session=session, capacity=2)
    assert "al 3 deelnemers ingeschreven" in error.value.message_dict["capacity"][0]
    session.refresh_from_db()
    assert session.capacity == 3


def test_officer_cannot_set_capacity_to_zero(officer):
    session = SessionFactory(capacity=3)
    with pytest.raises(ValidationError, match="minstens één plaats"):
        services.session_capacity_change(actor=officer, session=session, capacity=0)


def test_raising_capacity_promotes_from_the_waiting_list(officer):
    session = SessionFactory(capacity=1)
    first, second = members(2)
    services.enrolment_create(actor=first, session=session)
    services.enrolment_create(actor=second, session=session)
    services.session_capacity_change(actor=officer, session=session, capacity=2)
    assert Enrolment.objects.get(person=second).status == SeatStatus.ENROLLED


def test_member_cannot_change_capacity(member):
    with pytest.raises(PermissionDenied):
        services.session_capacity_change(actor=member, session=SessionFactory(), capacity=5)


def test_admin_form_refuses_capacity_below_enrolled():
    session = SessionFactory(capacity=2)
    EnrolmentFactory.create_batch(2, session=session)
    data = {
        "module": session.module_id,
        "starts_at_0": "",
        "starts_at": timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(session.ends_at).strftime("%Y-%m-%d %H:%M"),
        "location": session.location,
        "capacity": 1,
        "trainer": session.trainer,
    }
    form = SessionAdminForm(data=data, instance=session)
    assert not form.is_valid()
    assert "al 2 deelnemers ingeschreven" in form.errors["capacity"][0]


def test_officer_records_attendance_after_the_session():
    officer = OfficerFactory()
    session = SessionFactory(starts_at=timezone.now() - datetime.timedelta(hours=3))
    here, absent = EnrolmentFactory.create_batch(2, session=session)
    waiting = EnrolmentFactory(session=session, status=SeatStatus.WAITING)
    assert services.attendance_record(actor=officer, session=session, attended_ids={here.pk}) == 1
    here.refresh_from_db(), absent.refresh_from_db()
    assert here.attended and not absent.attended
    with pytest.raises(ValidationError, match="Alleen ingeschreven deelnemers"):
        services.attendance_record(actor=officer, session=session, attended_ids={waiting.pk})


def test_attendance_cannot_be_recorded_before_the_session(officer):
    session = SessionFactory()
    enrolment = EnrolmentFactory(session=session)
    with pytest.raises(ValidationError, match="pas als de bijeenkomst begonnen"):
        services.attendance_record(actor=officer, session=session, attended_ids={enrolment.pk})
    enrolment.refresh_from_db()
    assert not enrolment.attended


def test_member_cannot_record_attendance(member):
    session = SessionFactory(starts_at=timezone.now() - datetime.timedelta(hours=3))
    with pytest.raises(PermissionDenied):
        services.attendance_record(actor=member, session=session, attended_ids=set())


def test_member_cannot_cancel_after_the_session_started(member):
    session = SessionFactory()
    enrolment = services.enrolment_create(actor=member, session=session)
    later = session.starts_at + datetime.timedelta(minutes=5)
    with pytest.raises(ValidationError, match="al begonnen; afmelden kan niet meer"):
        services.enrolment_cancel(actor=member, enrolment=enrolment, now=later)
    enrolment.refresh_from_db()
    assert enrolment.status == SeatStatus.ENROLLED


def test_plain_text_mail_is_not_html_escaped(member):
    session = SessionFactory(module__title="Agenda & verslag: 'zo doe je dat'")
    services.enrolment_create(actor=member, session=session)
    notification = Notification.objects.get(recipient=member)
    assert "Agenda & verslag: 'zo doe je dat'" in notification.body_text
    assert "&amp;" in notification.body_html
