"""Every write at the desk. Each service is atomic, locks the case row, checks the rule and the
state machine, records the dated history entry and queues its mails through the outbox (one
row per recipient and occasion, so nothing is ever sent twice).

Domain apps open a case inside their own transaction with `case_open`; when their own flow
answers or moves the submission, they call `case_answer_for_subject` or
`case_progress_for_subject`. Officers use the other services from the admin's case page."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core import pagecache
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.core.validation import clean_text
from wijkportaal.core.workdays import add_working_days, working_days_between
from wijkportaal.wijkraden.models import Department, Membership

from . import selectors
from .hooks import case_kind, find_case_kind
from .models import (
    ANSWER_MAX_LENGTH,
    CASE_MACHINE,
    REMOVAL_CASE,
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
)

logger = logging.getLogger(__name__)

# Mail kinds (registered in reminders.py).
RECEIPT = "desk.receipt"
NEW_CASE = "desk.new_case"
ASSIGNED = "desk.assigned"
ANSWER_OWN = "desk.answer_own"
ANSWER_COUNCIL = "desk.answer_council"
CLOSED = "desk.closed"
DUE_SOON = "desk.due_soon"
ESCALATION = "desk.escalation"

REASON_MAX_LENGTH = 2000


# --- Helpers ---------------------------------------------------------------------------------


def _locked(case: Case) -> Case:
    """The case, fresh from the database and locked until the end of the transaction: two
    officers acting at the same moment act one after the other, on what the first left."""
    return Case.objects.select_for_update(of=("self",)).select_related("department").get(pk=case.pk)


def _require(actor: User, perm: str, case: Case | None = None) -> None:
    if not actor.has_perm(perm, case):
        raise PermissionDenied


def _require_open(case: Case) -> None:
    if not case.is_open:
        raise ValidationError(
            gettext("Dit verzoek is al %(status)s; er kan niets meer aan veranderen.")
            % {"status": case.get_status_display()}
        )


def _record(
    case: Case,
    event: str,
    *,
    actor: User | None,
    text: str = "",
    reason: str = "",
    at: datetime.datetime | None = None,
) -> CaseEvent:
    """A history entry for a step that does not change the status."""
    return CaseEvent.objects.create(
        case=case,
        event=event,
        from_status=case.status,
        to_status=case.status,
        by=actor,
        text=text[:300],
        reason=reason,
        at=at or timezone.now(),
    )


def _move(case: Case, *, to: str, actor: User, event: str, text: str = "", **options) -> CaseEvent:
    """A step through CASE_MACHINE (checked there), recorded in the history as `event`."""
    return CASE_MACHINE.apply(
        case,
        to=to,
        actor=actor,
        record=CaseEvent,
        record_for="case",
        record_fields={"event": event, "text": text},
        **options,
    )


def _clean_reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": gettext("Geef een reden op voor deze stap.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": gettext("Hoogstens %(max)s tekens, alstublieft.")
                % {"max": REASON_MAX_LENGTH}
            }
        )
    return reason


def _department(value: Department | str | int | None) -> Department:
    """A department given as an object, slug or id; a clear error when it does not exist."""
    found = None
    if isinstance(value, Department) and value.pk:
        found = Department.objects.filter(pk=value.pk).first()
    elif isinstance(value, int):
        found = Department.objects.filter(pk=value).first()
    elif isinstance(value, str) and value:
        found = Department.objects.filter(slug=value).first()
    if found is None:
        raise ValidationError(
            {"department": gettext("Deze afdeling bestaat niet. Kies een afdeling uit de lijst.")}
        )
    return found


def _owning_department(case_type, topic: str, default: Department | None) -> Department:
    """The department that answers a new case. When none can be found the portal is set up
    wrongly (a route or a kind's default department points at nothing): the submitter is told
    so in words meant for them, nothing is saved, and the operators hear of it through the error
    log (JSON logs and Sentry)."""
    owner = selectors.owning_department(case_type, topic, default)
    try:
        return _department(owner)
    except ValidationError:
        logger.error(
            "Desk: no department for case kind %s (topic %r, looked for %r); submission refused.",
            case_type.key,
            topic,
            owner,
        )
        raise ValidationError(
            gettext(
                "Uw verzoek kan nu niet worden ontvangen: bij de gemeente is niet ingesteld welke "
                "afdeling het behandelt. De beheerders van het portaal zijn gewaarschuwd. Probeer "
                "het later opnieuw of neem contact op met de gemeente."
            )
        ) from None


def _officer_ids(department_ids: Iterable[int], *, exclude: Iterable[int] = ()) -> dict[int, list]:
    """{department id: [ids of its active officers]}, in one query."""
    found: dict[int, list[int]] = {}
    rows = User.objects.filter(
        department_id__in=list(department_ids), kind=UserKind.OFFICER, is_active=True
    ).exclude(pk__in=[pk for pk in exclude if pk])
    for user_id, department_id in rows.values_list("pk", "department_id"):
        found.setdefault(department_id, []).append(user_id)
    return found


def _department_dues(
    case: Case, kind: str, occasion: str, *, context: dict, exclude: Iterable[int] = ()
) -> list[Due]:
    """The department's mailbox (an address) and its officers (who may switch `kind` off)."""
    dues = [
        Due(officer_id, kind, occasion, case, context)
        for officer_id in _officer_ids([case.department_id], exclude=exclude).get(
            case.department_id, []
        )
    ]
    if case.department.email:
        dues.append(Due(None, kind, occasion, case, context, address=case.department.email))
    return dues


def _submitter_dues(case: Case, kind: str, occasion: str, context: dict) -> list[Due]:
    if case.submitted_by_id:
        return [Due(case.submitted_by_id, kind, occasion, case, context)]
    if case.submitter_email:
        return [Due(None, kind, occasion, case, context, address=case.submitter_email)]
    return []


# --- Opening ---------------------------------------------------------------------------------


@transaction.atomic
def case_open(
    *,
    kind: str,
    title: str,
    summary: str = "",
    subject=None,
    council=None,
    submitted_by: User | None = None,
    submitter_name: str = "",
    submitter_email: str = "",
    topic: str = "",
    department: Department | None = None,
    public: bool | None = None,
    received_at: datetime.datetime | None = None,
) -> Case:
    """Open a case for something submitted to the municipality. Called by a domain service
    inside its own transaction, after it checked its own rule. Routes the case to its
    department (CaseRoute, else the kind's default), computes the answer-by date in working
    days, records "received" and queues the receipt to the submitter (with the date) and the
    new-case mail to the department's mailbox and officers. `department`: the submission's own
    owner, used when no administrator's route for the kind (and topic) says otherwise. A
    subject that has a case already gets that case back, and no second mail."""
    if subject is not None:
        existing = selectors.case_for_subject(subject)
        if existing is not None:
            return existing
    case_type = case_kind(kind)
    title = Truncator(" ".join((title or "").split())).chars(TITLE_MAX_LENGTH)
    errors = {}
    if not title:
        errors["title"] = gettext("Een verzoek heeft een titel.")
    if submitted_by is None and not submitter_email:
        errors["submitter_email"] = gettext(
            "Een verzoek heeft een indiener: een account of een e-mailadres."
        )
    if errors:
        raise ValidationError(errors)
    department = _owning_department(case_type, topic, department)
    received_at = received_at or timezone.now()
    case = Case.objects.create(
        kind=case_type.key,
        topic=topic,
        content_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        object_id=subject.pk if subject is not None else None,
        title=title,
        summary=Truncator(summary or "").chars(SUMMARY_MAX_LENGTH),
        council=council,
        submitted_by=submitted_by,
        submitter_name=submitter_name[:200],
        submitter_email=submitter_email,
        is_public=case_type.public if public is None else public,
        department=department,
        received_at=received_at,
        status_changed_at=received_at,
        answer_by=add_working_days(timezone.localdate(received_at), case_type.term_days),
    )
    event = _record(case, CaseEventKind.RECEIVED, actor=submitted_by, at=received_at)
    context = {"case": case, "department": department, "answer_by": case.answer_by}
    mail_queue(
        [
            *_submitter_dues(case, RECEIPT, f"{RECEIPT}:{case.pk}", context),
            *_department_dues(case, NEW_CASE, f"{NEW_CASE}:{case.pk}:{event.pk}", context=context),
        ]
    )
    return case


# --- A person's request to remove their account (AVG) ----------------------------------------

# REMOVAL_CASE (models.py), registered in plugins.py: a logged-in person asks for the removal
# of their account and personal data. The administrators handle it; nothing is deleted
# automatically — an administrator answers and then removes the account in the admin.
# The AVG gives a month; twenty working days stays inside it, holidays included.
REMOVAL_TERM_DAYS = 20
REMOVAL_DEPARTMENT = "wijkzaken-en-participatie"
REMOVAL_EXPLANATION_MAX_LENGTH = 2000


@transaction.atomic
def removal_request_open(*, actor: User, explanation: str = "") -> tuple[Case, bool]:
    """Open the person's request to remove their account and data as a case at the desk, and
    tell every active administrator. (case, True) for a new request; a person with a request
    still open gets that one back, (case, False), and nobody is mailed twice."""
    _require(actor, "desk.request_removal")
    explanation = clean_text(
        explanation,
        field="explanation",
        max_length=REMOVAL_EXPLANATION_MAX_LENGTH,
        required=False,
    )
    # Locks the person's row: a double click opens one case, not two.
    User.objects.select_for_update().filter(pk=actor.pk).first()
    existing = selectors.open_removal_request(actor)
    if existing is not None:
        return existing, False
    summary = gettext("Account: %(email)s (gebruiker %(pk)s, %(kind)s).") % {
        "email": actor.email,
        "pk": actor.pk,
        "kind": actor.get_kind_display(),
    }
    if explanation:
        summary += "\n" + gettext("Toelichting: %(text)s") % {"text": explanation}
    case = case_open(
        kind=REMOVAL_CASE,
        title=gettext("Verwijdering van account en gegevens: %(name)s")
        % {"name": actor.display_name},
        summary=summary,
        submitted_by=actor,
        public=False,
    )
    administrators = (
        User.objects.filter(Q(kind=UserKind.ADMINISTRATOR) | Q(is_superuser=True), is_active=True)
        .exclude(pk=actor.pk)
        .values_list("pk", flat=True)
    )
    context = {"case": case, "department": case.department, "answer_by": case.answer_by}
    mail_queue(
        [
            Due(pk, NEW_CASE, f"{NEW_CASE}:{case.pk}:administrators", case, context)
            for pk in administrators
        ]
    )
    return case, True


# --- The officers' steps ---------------------------------------------------------------------


@transaction.atomic
def case_assign(*, actor: User, case: Case, assignee: User | None) -> Case:
    """Give the case to an officer of its department (a received case is then in
    behandeling) and mail them, unless they took it themselves."""
    case = _locked(case)
    _require(actor, "desk.handle_case", case)
    _require_open(case)
    department = case.department
    if assignee is None:
        raise ValidationError({"assignee": gettext("Kies een ambtenaar.")})
    if not (assignee.is_active and assignee.kind == UserKind.OFFICER):
        raise ValidationError(
            {
                "assignee": gettext(
                    "%(name)s is geen ambtenaar. Wijs het verzoek toe aan een ambtenaar van de "
                    "afdeling %(department)s."
                )
                % {"name": assignee, "department": department}
            }
        )
    if assignee.department_id != case.department_id:
        raise ValidationError(
            {
                "assignee": gettext(
                    "%(name)s werkt niet bij de afdeling %(department)s. Stuur het verzoek door "
                    "als een andere afdeling het moet behandelen."
                )
                % {"name": assignee, "department": department}
            }
        )
    if assignee.pk == case.assignee_id:
        raise ValidationError(
            {"assignee": gettext("Het verzoek is al aan %(name)s toegewezen.") % {"name": assignee}}
        )
    case.assignee = assignee
    text = str(assignee)
    if case.status == CaseStatus.RECEIVED:
        event = _move(
            case,
            to=CaseStatus.IN_PROGRESS,
            actor=actor,
            event=CaseEventKind.ASSIGNED,
            text=text,
            extra_update_fields=["assignee"],
        )
    else:
        case.save(update_fields=["assignee"])
        event = _record(case, CaseEventKind.ASSIGNED, actor=actor, text=text)
    if assignee.pk != actor.pk:
        mail_queue(
            [
                Due(
                    assignee.pk,
                    ASSIGNED,
                    f"{ASSIGNED}:{case.pk}:{event.pk}",
                    case,
                    {"case": case, "assigned_by": actor},
                )
            ]
        )
    return case


@transaction.atomic
def case_start(*, actor: User, case: Case) -> Case:
    """Mark a received case as in behandeling."""
    case = _locked(case)
    _require(actor, "desk.handle_case", case)
    return _start(actor=actor, case=case)


def _start(*, actor: User, case: Case) -> Case:
    _move(case, to=CaseStatus.IN_PROGRESS, actor=actor, event=CaseEventKind.STARTED)
    return case


@transaction.atomic
def case_forward(
    *, actor: User, case: Case, department: Department | str | int | None, reason: str
) -> Case:
    """Send the case to another department, with a reason: it loses its assignee, keeps its
    answer-by date (the promise to the submitter stands) and reaches the new department's
    mailbox and officers as a new case."""
    case = _locked(case)
    _require(actor, "desk.handle_case", case)
    _require_open(case)
    target = _department(department)
    if target.pk == case.department_id:
        raise ValidationError(
            {"department": gettext("Het verzoek ligt al bij %(name)s.") % {"name": target}}
        )
    reason = _clean_reason(reason, required=True)
    previous = case.department
    case.department = target
    case.assignee = None
    case.save(update_fields=["department", "assignee"])
    event = _record(
        case,
        CaseEventKind.FORWARDED,
        actor=actor,
        reason=reason,
        text=gettext("Van %(old)s naar %(new)s") % {"old": previous, "new": target},
    )
    context = {"case": case, "department": target, "answer_by": case.answer_by}
    context |= {"forwarded_from": previous, "reason": reason}
    mail_queue(
        _department_dues(
            case, NEW_CASE, f"{NEW_CASE}:{case.pk}:{event.pk}", context=context, exclude=[actor.pk]
        )
    )
    return case


def _answer(
    *, actor: User, case: Case, text: str, public: bool, mirror: bool, perm: str | None
) -> Case:
    case = _locked(case)
    if perm:
        _require(actor, perm, case)
    if case.status == CaseStatus.ANSWERED:
        raise ValidationError(gettext("Dit verzoek is al beantwoord."))
    _require_open(case)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": gettext("Schrijf een antwoord.")})
    if len(text) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            {
                "text": gettext(
                    "Een antwoord is hoogstens %(max)s tekens; dit antwoord telt er %(count)s."
                )
                % {"max": f"{ANSWER_MAX_LENGTH:,}".replace(",", "."), "count": len(text)}
            }
        )
    now = timezone.now()
    answered_on = timezone.localdate(now)
    case.answer = text
    case.answer_public = bool(public)
    case.answered_at = now
    case.answered_by = actor
    case.working_days_to_answer = working_days_between(
        timezone.localdate(case.received_at), answered_on
    )
    case.answered_in_term = answered_on <= case.answer_by
    _move(
        case,
        to=CaseStatus.ANSWERED,
        actor=actor,
        event=CaseEventKind.ANSWERED,
        at=now,
        extra_update_fields=[
            "answer",
            "answer_public",
            "answered_at",
            "answered_by",
            "working_days_to_answer",
            "answered_in_term",
        ],
    )
    context = {"case": case}
    dues = _submitter_dues(case, ANSWER_OWN, f"desk.answer:{case.pk}", context)
    if case.council_id:
        board = (
            Membership.objects.current()
            .board()
            .filter(council_id=case.council_id, person__is_active=True)
            .exclude(person_id__in=[case.submitted_by_id or 0, actor.pk])
            .values_list("person_id", flat=True)
            .distinct()
        )
        dues += [
            Due(person_id, ANSWER_COUNCIL, f"desk.answer:{case.pk}", case, context)
            for person_id in board
        ]
    mail_queue(dues)
    kind = find_case_kind(case.kind)
    if mirror and kind is not None and kind.on_answer is not None:
        kind.on_answer(case, actor, text)
    return case


@transaction.atomic
def case_answer(*, actor: User, case: Case, text: str, public: bool) -> Case:
    """Answer the case (at most 10,000 characters): public (every member of the wijkraad reads
    it) or only for the board and the submitter. Mails the answer to the submitter (always)
    and to the wijkraad's board, records the working days it took and whether that was within
    the term, and lets the kind's app mirror the answer. Answering twice at the same moment
    gives one answer: the second finds the case answered."""
    return _answer(
        actor=actor, case=case, text=text, public=public, mirror=True, perm="desk.handle_case"
    )


@transaction.atomic
def case_close(*, actor: User, case: Case, reason: str = "") -> Case:
    """Close the case. Closing one that was never answered (withdrawn, taken up elsewhere)
    needs a reason, which is mailed to the submitter."""
    case = _locked(case)
    _require(actor, "desk.handle_case", case)
    return _close(actor=actor, case=case, reason=reason)


def _close(*, actor: User, case: Case, reason: str) -> Case:
    was_answered = case.status == CaseStatus.ANSWERED
    case.closed_at = timezone.now()
    case.closed_reason = (reason or "").strip()
    _move(
        case,
        to=CaseStatus.CLOSED,
        actor=actor,
        event=CaseEventKind.CLOSED,
        reason=reason,
        at=case.closed_at,
        extra_update_fields=["closed_at", "closed_reason"],
    )
    if not was_answered:
        mail_queue(_submitter_dues(case, CLOSED, f"{CLOSED}:{case.pk}", {"case": case}))
    return case


# --- For the domain apps' own flows ----------------------------------------------------------


@transaction.atomic
def case_answer_for_subject(*, actor: User, subject, text: str, public: bool = True) -> Case | None:
    """The app's own flow answered the submission (a request handled, a proposal decided):
    answer its case with the same text, unless it was answered at the desk already. Returns
    the case, or None when the subject has none (submitted before the desk existed). The app
    checked its own rule; the desk asks only that the actor is an officer or administrator."""
    _require(actor, "desk.answer_case_for_subject")
    case = selectors.case_for_subject(subject)
    if case is None or not case.is_open:
        return case
    return _answer(actor=actor, case=case, text=text, public=public, mirror=False, perm=None)


@transaction.atomic
def case_progress_for_subject(
    *, actor: User, subject, status: str, reason: str = ""
) -> Case | None:
    """The app's own flow moved the submission on: to "in_behandeling" (an officer started on
    it) or "afgehandeld" (withdrawn or ended without an answer; a reason is needed unless the
    case was answered). A case already that far is left as it is. Returns the case, or None
    when the subject has none."""
    if status not in (CaseStatus.IN_PROGRESS, CaseStatus.CLOSED):
        raise ValueError(
            f"case_progress_for_subject moves to in_behandeling or afgehandeld, not {status!r}"
        )
    case = selectors.case_for_subject(subject)
    if case is None:
        return None
    case = _locked(case)
    _require(actor, "desk.move_case_for_subject", case)
    if status == CaseStatus.IN_PROGRESS:
        return _start(actor=actor, case=case) if case.status == CaseStatus.RECEIVED else case
    if case.status == CaseStatus.CLOSED:
        return case
    return _close(actor=actor, case=case, reason=reason)


# --- Due work (called by the reminder sources in reminders.py) -------------------------------


def cases_remind(*, cases: list[Case], now: datetime.datetime) -> list[Due]:
    """Note the reminder on each case (history and `reminded_at`, so it is sent once) and
    return the messages: to the assignee, or the department's officers when nobody has it.
    Runs inside the due work's transaction, on cases it locked."""
    if not cases:
        return []
    officers = _officer_ids({case.department_id for case in cases if not case.assignee_id})
    dues = []
    for case in cases:
        recipients = (
            [case.assignee_id] if case.assignee_id else officers.get(case.department_id, [])
        )
        context = {"case": case, "answer_by": case.answer_by}
        dues += [
            Due(user_id, DUE_SOON, f"{DUE_SOON}:{case.pk}", case, context) for user_id in recipients
        ]
    _note(cases, CaseEventKind.REMINDED, "reminded_at", now)
    return dues


def cases_escalate(*, cases: list[Case], now: datetime.datetime) -> list[Due]:
    """Note the escalation on each overdue case (once) and return the messages: to the
    department's head, else its mailbox, else its officers."""
    if not cases:
        return []
    departments = Department.objects.in_bulk({case.department_id for case in cases})
    heads = User.objects.filter(
        pk__in={d.head_id for d in departments.values() if d.head_id}, is_active=True
    ).values_list("pk", flat=True)
    heads = set(heads)
    without = {d.pk for d in departments.values() if d.head_id not in heads and not d.email}
    officers = _officer_ids(without)
    today = timezone.localdate(now)
    dues = []
    for case in cases:
        department = departments[case.department_id]
        occasion = f"{ESCALATION}:{case.pk}"
        context = {
            "case": case,
            "department": department,
            "answer_by": case.answer_by,
            "working_days_late": working_days_between(case.answer_by, today),
        }
        if department.head_id in heads:
            dues.append(Due(department.head_id, ESCALATION, occasion, case, context))
        elif department.email:
            dues.append(Due(None, ESCALATION, occasion, case, context, address=department.email))
        else:
            dues += [
                Due(pk, ESCALATION, occasion, case, context)
                for pk in officers.get(department.pk, [])
            ]
    _note(cases, CaseEventKind.ESCALATED, "escalated_at", now)
    return dues


def _note(cases: list[Case], event: str, field: str, now: datetime.datetime) -> None:
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(**{field: now})
    CaseEvent.objects.bulk_create(
        CaseEvent(case=case, event=event, from_status=case.status, to_status=case.status, at=now)
        for case in cases
    )
    pagecache.bump("desk")  # update() and bulk_create send no signal
