"""The desk's services: every step, its mails (exactly once) and bad input (a clear Dutch error,
nothing half saved)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from tests.desk.factories import TEST_KIND
from tests.factories import (
    CouncillorFactory,
    DepartmentFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.desk import services
from wijkportaal.desk.hooks import CaseKind
from wijkportaal.desk.models import Case, CaseEvent, CaseRoute, CaseStatus
from wijkportaal.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def desk_mail(kind: str):
    return Notification.objects.filter(kind=kind)


def recipients(kind: str) -> set:
    """The users who got this kind of mail (the department's mailbox is tested on its own)."""
    return set(
        desk_mail(kind).filter(recipient__isnull=False).values_list("recipient_id", flat=True)
    )


def open_case(council, submitted_by, **extra):
    return services.case_open(
        kind=TEST_KIND,
        title="Bankje bij de speeltuin",
        summary="Kan er een bankje bij de speeltuin in de Rozenhof komen?",
        council=council,
        submitted_by=submitted_by,
        **extra,
    )


# --- Opening ---------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False)
def test_opening_a_case_routes_it_and_promises_an_answer_in_working_days(
    case_kind, council, chair, department, dept_officer
):
    case = open_case(council, chair)

    # Ten working days from Monday 14 December, skipping Christmas Day (Friday 25).
    assert case.answer_by == datetime.date(2026, 12, 29)
    assert case.department == department
    assert case.status == CaseStatus.RECEIVED
    assert list(case.events.values_list("event", "to_status", "by")) == [
        ("received", "ontvangen", chair.pk)
    ]
    receipt = desk_mail(services.RECEIPT).get()
    assert receipt.recipient == chair
    assert "29 december" in receipt.subject and "Wijkzaken" in receipt.body_text
    assert recipients(services.NEW_CASE) == {dept_officer.pk}


def test_the_new_case_mail_skips_officers_who_switched_it_off_and_other_departments(
    case_kind, council, chair, department, dept_officer
):
    quiet = OfficerFactory(department=department)
    NotificationPreference.objects.create(user=quiet, disabled_kinds=[services.NEW_CASE])
    OfficerFactory()  # another department

    open_case(council, chair)

    assert recipients(services.NEW_CASE) == {dept_officer.pk}


def test_new_case_mail_reaches_the_department_mailbox(case_kind, council, department):
    """The department's mailbox and a resident group without an account get their rows."""
    services.case_open(
        kind=TEST_KIND,
        title="Wij nemen het beheer van het plantsoen over",
        council=council,
        submitter_name="Bewonersgroep Plantsoen",
        submitter_email="plantsoen@bewoners.test",
    )

    addressed = Notification.objects.filter(recipient__isnull=True)
    assert set(addressed.values_list("kind", "to_address")) == {
        (services.RECEIPT, "plantsoen@bewoners.test"),
        (services.NEW_CASE, department.email),
    }


def test_a_route_chosen_by_an_administrator_wins_over_the_kind_default(
    case_kind, council, chair, other_department
):
    topic_department = DepartmentFactory()
    CaseRoute.objects.create(kind=TEST_KIND, department=other_department)
    CaseRoute.objects.create(kind=TEST_KIND, topic="groen", department=topic_department)

    assert open_case(council, chair).department == other_department
    assert open_case(council, chair, topic="groen").department == topic_department


def test_opening_a_case_for_the_same_subject_twice_gives_one_case_and_one_receipt(
    case_kind, council, chair
):
    first = open_case(council, chair, subject=council)
    second = open_case(council, chair, subject=council)

    assert first.pk == second.pk and first.subject == council
    assert Case.objects.count() == 1 and desk_mail(services.RECEIPT).count() == 1


def test_an_unknown_kind_is_a_clear_error(council, chair):
    with pytest.raises(ValidationError) as error:
        services.case_open(kind="bestaat-niet", title="x", council=council, submitted_by=chair)
    assert "Onbekende soort verzoek" in str(error.value.message_dict["kind"])


def test_a_kind_with_an_unknown_department_tells_the_submitter_and_the_operators(
    plugin, council, chair, caplog
):
    """A configuration fault: the submitter reads what happened in their own terms (not the
    officers' "choose a department from the list"), nothing is saved, and the error log — which
    reaches the operators through JSON logs and Sentry — names the kind."""
    plugin(CaseKind(TEST_KIND, label="Testverzoek", term_days=5, department="bestaat-niet"))

    with (
        caplog.at_level("ERROR", logger="wijkportaal.desk.services"),
        pytest.raises(ValidationError) as error,
    ):
        open_case(council, chair)

    message = " ".join(error.value.messages)
    assert "kan nu niet worden ontvangen" in message and "beheerders" in message
    assert "Kies een afdeling" not in message
    assert not hasattr(error.value, "error_dict")  # shown above the form, not beside a field
    assert not Case.objects.exists() and not Notification.objects.exists()
    assert any(TEST_KIND in record.getMessage() for record in caplog.records)


def test_a_case_needs_a_title_and_a_submitter(case_kind, council):
    with pytest.raises(ValidationError) as error:
        services.case_open(kind=TEST_KIND, title="   ", council=council)
    assert set(error.value.message_dict) == {"title", "submitter_email"}
    assert not Case.objects.exists()


# --- Assigning, starting, forwarding ---------------------------------------------------------


def test_an_officer_assigns_a_case_to_a_colleague_who_gets_a_mail(
    case_kind, council, chair, department, dept_officer
):
    colleague = OfficerFactory(department=department)
    case = open_case(council, chair)

    case = services.case_assign(actor=dept_officer, case=case, assignee=colleague)

    assert case.assignee == colleague and case.status == CaseStatus.IN_PROGRESS
    event = case.events.last()
    assert (event.event, event.from_status, event.to_status) == (
        "assigned",
        "ontvangen",
        "in_behandeling",
    )
    assert recipients(services.ASSIGNED) == {colleague.pk}


def test_taking_a_case_yourself_sends_yourself_no_mail(case_kind, council, chair, dept_officer):
    case = open_case(council, chair)
    services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)
    assert not desk_mail(services.ASSIGNED).exists()


@pytest.mark.parametrize("who", ["council member", "administrator", "other department"])
def test_assigning_to_someone_who_is_not_an_officer_of_the_department_is_a_clear_error(
    case_kind, council, chair, dept_officer, administrator, who
):
    case = open_case(council, chair)
    assignee = {
        "council member": UserFactory(),
        "administrator": administrator,
        "other department": OfficerFactory(),
    }[who]

    with pytest.raises(ValidationError) as error:
        services.case_assign(actor=dept_officer, case=case, assignee=assignee)

    expected = {
        "council member": f"{assignee} is geen ambtenaar. Wijs het verzoek toe aan een "
        "ambtenaar van de afdeling Wijkzaken.",
        "administrator": f"{assignee} is geen ambtenaar. Wijs het verzoek toe aan een "
        "ambtenaar van de afdeling Wijkzaken.",
        "other department": f"{assignee} werkt niet bij de afdeling Wijkzaken. Stuur het "
        "verzoek door als een andere afdeling het moet behandelen.",
    }[who]
    assert error.value.message_dict == {"assignee": [expected]}
    case.refresh_from_db()
    assert case.assignee is None and case.status == CaseStatus.RECEIVED
    assert case.events.count() == 1 and not desk_mail(services.ASSIGNED).exists()


def test_an_officer_of_another_department_cannot_handle_the_case(case_kind, council, chair):
    stranger = OfficerFactory()
    case = open_case(council, chair)
    for step in (
        lambda: services.case_assign(actor=stranger, case=case, assignee=stranger),
        lambda: services.case_start(actor=stranger, case=case),
        lambda: services.case_answer(actor=stranger, case=case, text="Ja.", public=True),
        lambda: services.case_close(actor=stranger, case=case, reason="Weg."),
    ):
        with pytest.raises(PermissionDenied):
            step()
    assert Case.objects.get().status == CaseStatus.RECEIVED


def test_starting_a_case_moves_it_in_behandeling_once(case_kind, council, chair, dept_officer):
    case = services.case_start(actor=dept_officer, case=open_case(council, chair))
    assert case.status == CaseStatus.IN_PROGRESS and case.events.last().event == "started"
    with pytest.raises(ValidationError):
        services.case_start(actor=dept_officer, case=case)


def test_forwarding_moves_the_case_with_its_date_and_tells_the_new_department(
    case_kind, council, chair, dept_officer, other_department
):
    newcomer = OfficerFactory(department=other_department)
    case = open_case(council, chair)
    case = services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)
    answer_by = case.answer_by

    case = services.case_forward(
        actor=dept_officer, case=case, department=other_department, reason="Gaat over groen."
    )

    assert case.department == other_department and case.assignee is None
    assert case.answer_by == answer_by
    event = case.events.last()
    assert (event.event, event.reason) == ("forwarded", "Gaat over groen.")
    assert "Wijkzaken" in event.text and "Openbare Ruimte" in event.text
    new_case_mail = desk_mail(services.NEW_CASE).get(recipient=newcomer)
    assert "Gaat over groen." in new_case_mail.body_text
    # The old department's officers handled it; now they may no longer.
    with pytest.raises(PermissionDenied):
        services.case_start(actor=dept_officer, case=case)


@pytest.mark.parametrize(
    ("target", "reason", "field"),
    [
        (None, "Reden", "department"),
        ("bestaat-niet", "Reden", "department"),
        (999_999, "Reden", "department"),
        ("wijkzaken", "Reden", "department"),  # where it is already
        ("openbare-ruimte", "  ", "reason"),
    ],
)
def test_forwarding_needs_an_existing_other_department_and_a_reason(
    case_kind, council, chair, dept_officer, other_department, target, reason, field
):
    case = open_case(council, chair)
    with pytest.raises(ValidationError) as error:
        services.case_forward(actor=dept_officer, case=case, department=target, reason=reason)
    assert field in error.value.message_dict
    case.refresh_from_db()
    assert case.department.slug == "wijkzaken" and case.events.count() == 1


# --- Answering -------------------------------------------------------------------------------


def test_answering_mails_the_submitter_and_the_board_and_lets_the_app_mirror_it(
    case_kind, council, chair, member, dept_officer, mirrored
):
    secretary = MembershipFactory(council=council, function="secretaris").person
    case = open_case(council, chair)

    case = services.case_answer(
        actor=dept_officer, case=case, text="  Het bankje komt in maart.  ", public=True
    )

    assert case.status == CaseStatus.ANSWERED
    assert (case.answer, case.answer_public, case.answered_by) == (
        "Het bankje komt in maart.",
        True,
        dept_officer,
    )
    assert case.working_days_to_answer == 0 and case.answered_in_term is True
    assert recipients(services.ANSWER_OWN) == {chair.pk}
    assert recipients(services.ANSWER_COUNCIL) == {secretary.pk}  # the board, not `member`
    assert "Het bankje komt in maart." in desk_mail(services.ANSWER_OWN).get().body_text
    assert mirrored == [(case.pk, dept_officer.pk, "Het bankje komt in maart.")]


def test_an_answer_after_the_date_counts_as_late(case_kind, council, chair, dept_officer):
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        case = open_case(council, chair)
    with time_machine.travel(datetime.datetime(2027, 1, 5, 10, tzinfo=AMS), tick=False):
        case = services.case_answer(actor=dept_officer, case=case, text="Later.", public=False)
    # 15 to 31 December (Christmas and Boxing Day off) and 4 and 5 January: 14 working days.
    assert case.answered_in_term is False and case.working_days_to_answer == 14


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Schrijf een antwoord."),
        ("   \n ", "Schrijf een antwoord."),
        ("x" * 20_000, "Een antwoord is hoogstens 10.000 tekens; dit antwoord telt er 20000."),
    ],
)
def test_an_empty_or_too_long_answer_is_a_clear_error_and_saves_nothing(
    case_kind, council, chair, dept_officer, mirrored, text, message
):
    case = open_case(council, chair)
    with pytest.raises(ValidationError) as error:
        services.case_answer(actor=dept_officer, case=case, text=text, public=True)
    assert error.value.message_dict == {"text": [message]}
    case.refresh_from_db()
    assert (case.status, case.answer, case.answered_at) == (CaseStatus.RECEIVED, "", None)
    assert case.events.count() == 1 and mirrored == []
    assert not desk_mail(services.ANSWER_OWN).exists()


def test_answering_twice_gives_one_answer_and_one_mail(case_kind, council, chair, dept_officer):
    case = open_case(council, chair)
    services.case_answer(actor=dept_officer, case=case, text="Eerste antwoord.", public=False)

    with pytest.raises(ValidationError, match="al beantwoord"):
        services.case_answer(actor=dept_officer, case=case, text="Tweede antwoord.", public=False)

    assert Case.objects.get().answer == "Eerste antwoord."
    assert desk_mail(services.ANSWER_OWN).count() == 1


# --- Closing ---------------------------------------------------------------------------------


def test_closing_an_unanswered_case_needs_a_reason_which_the_submitter_gets(
    case_kind, council, chair, dept_officer
):
    case = open_case(council, chair)
    with pytest.raises(ValidationError) as error:
        services.case_close(actor=dept_officer, case=case, reason=" ")
    assert "reason" in error.value.message_dict
    assert Case.objects.get().status == CaseStatus.RECEIVED

    case = services.case_close(
        actor=dept_officer, case=case, reason="Ingetrokken door de wijkraad."
    )

    assert (
        case.status == CaseStatus.CLOSED and case.closed_reason == "Ingetrokken door de wijkraad."
    )
    assert "Ingetrokken door de wijkraad." in desk_mail(services.CLOSED).get().body_text
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)


def test_closing_an_answered_case_needs_no_reason_and_sends_no_second_mail(
    case_kind, council, chair, dept_officer
):
    case = open_case(council, chair)
    case = services.case_answer(actor=dept_officer, case=case, text="Geregeld.", public=True)
    case = services.case_close(actor=dept_officer, case=case)
    assert case.status == CaseStatus.CLOSED and case.answer == "Geregeld."
    assert not desk_mail(services.CLOSED).exists()
    assert list(case.events.values_list("event", flat=True)) == ["received", "answered", "closed"]


# --- The domain apps' own flows --------------------------------------------------------------


def test_an_app_answers_the_case_of_its_object_without_a_mirror_loop(
    case_kind, council, chair, officer, mirrored
):
    case = open_case(council, chair, subject=council)

    answered = services.case_answer_for_subject(
        actor=officer, subject=council, text="Toegekend.", public=True
    )

    assert answered.pk == case.pk and answered.status == CaseStatus.ANSWERED
    assert mirrored == [] and desk_mail(services.ANSWER_OWN).count() == 1
    # Answered already: the app's later step leaves it as it is.
    again = services.case_answer_for_subject(actor=officer, subject=council, text="Nog eens.")
    assert again.answer == "Toegekend." and desk_mail(services.ANSWER_OWN).count() == 1


def test_an_app_object_without_a_case_is_left_alone(case_kind, council, officer):
    assert services.case_answer_for_subject(actor=officer, subject=council, text="x") is None
    assert (
        services.case_progress_for_subject(actor=officer, subject=council, status="afgehandeld")
        is None
    )


def test_only_staff_answer_through_an_app(case_kind, council, chair):
    open_case(council, chair, subject=council)
    with pytest.raises(PermissionDenied):
        services.case_answer_for_subject(actor=CouncillorFactory(), subject=council, text="x")


def test_an_app_moves_its_case_on_and_the_board_withdraws_it(
    case_kind, council, chair, officer, other_chair
):
    open_case(council, chair, subject=council)

    case = services.case_progress_for_subject(
        actor=officer, subject=council, status="in_behandeling"
    )
    assert case.status == CaseStatus.IN_PROGRESS
    with pytest.raises(PermissionDenied):
        services.case_progress_for_subject(
            actor=other_chair, subject=council, status="afgehandeld", reason="Ingetrokken."
        )
    case = services.case_progress_for_subject(
        actor=chair, subject=council, status="afgehandeld", reason="Ingetrokken."
    )
    assert case.status == CaseStatus.CLOSED
    assert CaseEvent.objects.filter(case=case).count() == 3
    with pytest.raises(ValueError, match="in_behandeling or afgehandeld"):
        services.case_progress_for_subject(actor=officer, subject=council, status="beantwoord")
