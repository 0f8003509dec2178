"""Due work with the clock moved (`send_due_notifications --now ...`): the reminder two working
days before the answer-by date, one escalation after it (Christmas in between moves the date),
and a second run with the same clock sends nothing."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.desk.factories import TEST_KIND
from tests.factories import OfficerFactory
from wijkportaal.desk import services
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def run(moment: str) -> str:
    """The due work at `moment`, with the clock standing there too (so what it queues is sent
    in the same run)."""
    out = io.StringIO()
    when = datetime.datetime.fromisoformat(moment).replace(tzinfo=AMS)
    with time_machine.travel(when, tick=False):
        call_command("send_due_notifications", "--now", moment, stdout=out)
    return out.getvalue()


def rows(kind: str):
    return Notification.objects.filter(kind=kind)


def sent(subject_part: str) -> list:
    return [message for message in mail.outbox if subject_part in message.subject]


@pytest.fixture
def case(case_kind, council, chair, dept_officer):
    """Received on Monday 14 December 2026: ten working days, Christmas Day off → the 29th."""
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        case = services.case_open(
            kind=TEST_KIND, title="Bankje bij de speeltuin", council=council, submitted_by=chair
        )
        services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)
    assert case.answer_by == datetime.date(2026, 12, 29)
    return case


def test_reminder_two_working_days_before_and_one_escalation_after_the_date(
    case, department, dept_officer
):
    head = OfficerFactory(department=department)
    department.head = head
    department.save(update_fields=["head"])

    run("2026-12-23T09:00")
    assert not rows(services.DUE_SOON).exists()

    run("2026-12-24T09:00")  # Thursday: Monday 28 and Tuesday 29 are the last two working days
    assert list(rows(services.DUE_SOON).values_list("recipient_id", flat=True)) == [dept_officer.pk]
    assert len(sent("Herinnering")) == 1
    second = run("2026-12-24T09:00")
    assert "reminders: 0" in second and len(sent("Herinnering")) == 1

    run("2026-12-29T17:00")  # the date itself: still in time (without Christmas it was late)
    assert not rows(services.ESCALATION).exists()

    run("2026-12-30T09:00")
    assert list(rows(services.ESCALATION).values_list("recipient_id", flat=True)) == [head.pk]
    assert len(sent("Over tijd")) == 1
    again = run("2026-12-30T09:00")
    later = run("2027-01-04T09:00")
    assert "reminders: 0" in again and "reminders: 0" in later
    assert len(sent("Over tijd")) == 1 and rows(services.ESCALATION).count() == 1

    case.refresh_from_db()
    assert case.reminded_at and case.escalated_at and case.is_overdue(datetime.date(2026, 12, 30))
    assert list(case.events.values_list("event", flat=True)) == [
        "received",
        "assigned",
        "reminded",
        "escalated",
    ]


def test_without_an_assignee_the_department_is_reminded_and_without_a_head_its_officers(
    case_kind, council, chair, department, dept_officer
):
    colleague = OfficerFactory(department=department)
    department.email = ""
    department.save(update_fields=["email"])
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        services.case_open(
            kind=TEST_KIND, title="Zonder behandelaar", council=council, submitted_by=chair
        )

    run("2026-12-24T09:00")
    run("2026-12-30T09:00")

    expected = {dept_officer.pk, colleague.pk}
    assert set(rows(services.DUE_SOON).values_list("recipient_id", flat=True)) == expected
    assert set(rows(services.ESCALATION).values_list("recipient_id", flat=True)) == expected


def test_the_escalation_goes_to_the_mailbox_when_the_department_has_no_head(
    case, department, dept_officer
):
    run("2026-12-30T09:00")

    escalations = rows(services.ESCALATION)
    assert list(escalations.values_list("to_address", flat=True)) == [department.email]
    assert Case.objects.get().escalated_at is not None


def test_an_answered_case_is_neither_reminded_nor_escalated(case, dept_officer):
    with time_machine.travel(datetime.datetime(2026, 12, 21, 10, tzinfo=AMS), tick=False):
        services.case_answer(actor=dept_officer, case=case, text="Geregeld.", public=True)

    run("2026-12-24T09:00")
    run("2026-12-30T09:00")

    assert not rows(services.DUE_SOON).exists() and not rows(services.ESCALATION).exists()
    assert Case.objects.get().status == CaseStatus.ANSWERED
