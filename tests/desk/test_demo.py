"""The desk's demo step moves the cases the domain demo steps opened into every state, with
honest dates, and changes nothing when run again (or when there are no cases)."""

import datetime

import pytest
from django.utils import timezone

from tests.desk.factories import TEST_KIND
from tests.factories import AdministratorFactory, CouncilFactory, DepartmentFactory, OfficerFactory
from wijkportaal.core.mail import mail_withheld
from wijkportaal.core.workdays import add_working_days, working_days_between
from wijkportaal.desk import services
from wijkportaal.desk.demo import SCENARIOS, replayed_case_mail, seed_desk
from wijkportaal.desk.models import Case, CaseEvent, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def snapshot():
    cases = Case.objects.order_by("pk").values_list(
        "pk", "status", "received_at", "answer_by", "answered_at", "department_id", "assignee_id"
    )
    events = CaseEvent.objects.order_by("pk").values_list("pk", "event", "at")
    return list(cases), list(events)


def open_cases(count: int, submitter) -> None:
    for index in range(count):
        services.case_open(
            kind=TEST_KIND,
            title=f"Demoverzoek {index}",
            council=CouncilFactory(),
            submitted_by=submitter,
        )


def test_the_demo_step_without_cases_does_nothing():
    seed_desk(scale=1)
    assert not Case.objects.exists()


def test_the_demo_step_moves_opened_cases_into_every_state_with_honest_dates(
    case_kind, department, chair
):
    OfficerFactory(department=department)
    OfficerFactory(department=DepartmentFactory())
    AdministratorFactory()
    open_cases(2 * len(SCENARIOS), chair)

    seed_desk(scale=1)

    today = timezone.localdate()
    cases = list(Case.objects.all())
    assert {case.status for case in cases} == set(CaseStatus.values)
    overdue = [case for case in cases if case.is_overdue(today)]
    answered = [case for case in cases if case.answered_at]
    assert overdue and {case.answered_in_term for case in answered} == {True, False}
    assert any(case.events.filter(event="forwarded").exists() for case in cases)
    for case in cases:
        kind_term = 10
        received_on = timezone.localdate(case.received_at)
        assert case.answer_by == add_working_days(received_on, kind_term)
        moments = list(case.events.order_by("pk").values_list("at", flat=True))
        assert moments == sorted(moments) and moments[0] == case.received_at
        assert moments[-1] <= timezone.now()
        if case.answered_at:
            answered_on = timezone.localdate(case.answered_at)
            assert case.working_days_to_answer == working_days_between(received_on, answered_on)
            assert case.answered_in_term == (answered_on <= case.answer_by)
    # The moves' mails belong to the past: none of them waits to be sent now.
    moved = [
        case.pk for case in cases if case.received_at < timezone.now() - datetime.timedelta(days=1)
    ]
    assert not Notification.objects.filter(
        status="queued", kind__startswith="desk.", object_id__in=moved
    ).exists()

    before = snapshot()
    seed_desk(scale=1)
    assert snapshot() == before


def test_under_seed_demo_the_mails_of_replayed_cases_are_never_written(
    case_kind, department, chair
):
    """seed_demo withholds (core.mail.mail_withheld) the mails the desk step would delete:
    none is rendered or written for a case that is dated back; a case that stays as it was
    opened keeps its receipt and its new-case mail."""
    OfficerFactory(department=department)
    AdministratorFactory()
    with mail_withheld(replayed_case_mail):
        open_cases(len(SCENARIOS), chair)
        seed_desk(scale=1)

    just_received = [
        case.pk for case in Case.objects.all() if SCENARIOS[case.pk % len(SCENARIOS)].ago == (0, 0)
    ]
    assert len(just_received) == 1
    mailed = set(Notification.objects.values_list("object_id", "kind"))
    assert {case_id for case_id, _kind in mailed} == set(just_received)
    assert {kind for _case_id, kind in mailed} == {"desk.receipt", "desk.new_case"}


def test_a_case_nobody_can_take_up_keeps_its_held_back_mails(case_kind, department, chair):
    """Without an administrator and without officers in its department, seed_desk cannot
    replay a case: under seed_demo its held-back receipt is written after all."""
    with mail_withheld(replayed_case_mail):
        open_cases(len(SCENARIOS), chair)
        seed_desk(scale=1)

    cases = list(Case.objects.values_list("pk", flat=True))
    receipts = set(
        Notification.objects.filter(kind="desk.receipt").values_list("object_id", flat=True)
    )
    assert receipts == set(cases)
    assert not CaseEvent.objects.exclude(event="received").exists()  # nothing was replayed
