"""Demo data for the desk: the cases the domain apps' demo steps opened (through case_open,
as a real submission would) are moved along through the desk's own services into every
state, and then dated back honestly, so /admin/, /mijn/verzoeken/ and /voortgang/reactietijd/
show answers in time, late answers, forwarded and closed cases and cases overdue now.

The step imports no domain app: it works on whatever cases exist, and does nothing when there
are none. Idempotent: only cases that were just opened (one "received" entry, received in the
last day) are taken, and which scenario a case gets depends on its id alone."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core.mail import mail_withheld_release
from wijkportaal.core.workdays import add_working_days, working_days_between
from wijkportaal.notifications.models import Notification, NotificationStatus
from wijkportaal.wijkraden.models import Department

from . import services
from .hooks import find_case_kind
from .models import Case, CaseEvent, CaseEventKind, CaseStatus


@dataclass(frozen=True)
class Scenario:
    """What happens to a case, in working days counted as (a, b) = a × the kind's term + b:
    it was received `ago` working days before today, and each step was taken that many
    working days after it was received."""

    name: str
    ago: tuple[int, int]
    steps: tuple[tuple[str, tuple[int, int]], ...] = ()


SCENARIOS = [
    Scenario("in time", (1, 8), (("assign", (0, 1)), ("answer", (1, -2)))),
    Scenario("late", (1, 10), (("assign", (0, 2)), ("answer", (1, 3)))),
    Scenario("overdue, being handled", (1, 3), (("assign", (0, 1)),)),
    Scenario("being handled", (0, 2), (("assign", (0, 1)),)),
    Scenario("just received", (0, 0)),
    Scenario(
        "forwarded, then in time",
        (1, 6),
        (("forward", (0, 1)), ("assign", (0, 2)), ("answer", (1, -1))),
    ),
    Scenario("withdrawn", (0, 10), (("close", (0, 3)),)),
    Scenario("answered, then closed", (1, 15), (("answer", (1, 0)), ("close", (1, 5)))),
    Scenario("overdue, nobody has it", (1, 2)),
    Scenario("due soon", (1, -1)),
]

ANSWERS = [
    gettext_lazy(
        "Dank voor uw verzoek. We hebben het besproken met de betrokken collega's en nemen het "
        "over: in de volgende nieuwsbrief leest u wanneer we beginnen."
    ),
    gettext_lazy(
        "Excuses dat ons antwoord later komt dan beloofd. We kunnen uw verzoek dit jaar niet "
        "uitvoeren; we nemen het mee in de planning voor volgend jaar en houden u op de hoogte."
    ),
    gettext_lazy(
        "Uw verzoek is uitgewerkt: de afspraken staan in het verslag dat we u toesturen. Neem "
        "gerust contact op als er iets niet klopt."
    ),
]


def _replayed(case: Case) -> bool:
    """Whether seed_desk dates this case back into the past (a new case whose scenario did
    not happen just now); it then deletes the mails the case queued."""
    scenario = SCENARIOS[case.pk % len(SCENARIOS)]
    return scenario.ago != (0, 0) and find_case_kind(case.kind) is not None


def replayed_case_mail(due) -> bool:
    """For seed_demo (DemoStep.withdraws_mail): a desk mail about a case this step will
    probably date back into the past — seed_desk deletes those, so they are better never
    written. A case it does not replay after all (nobody to take its steps, or no longer new)
    gets its mails back at the end of the step (`mail_withheld_release`)."""
    case = due.about
    return due.kind.startswith("desk.") and isinstance(case, Case) and _replayed(case)


def _days(term: int, spec: tuple[int, int]) -> int:
    return max(0, term * spec[0] + spec[1])


def _officers() -> dict[int, User]:
    """The first active officer of each department (one query for the whole step)."""
    first: dict[int, User] = {}
    for officer in User.objects.filter(
        kind=UserKind.OFFICER, department__isnull=False, is_active=True
    ).order_by("-pk"):
        first[officer.department_id] = officer
    return first


def _moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def seed_desk(*, scale: int = 1, progress=None) -> None:
    now = timezone.now()
    fresh = list(
        Case.objects.filter(
            status=CaseStatus.RECEIVED, received_at__gte=now - datetime.timedelta(days=1)
        )
        .annotate(event_count=Count("events"))
        .filter(event_count=1)
        .order_by("pk")
    )
    administrator = (
        User.objects.filter(Q(kind=UserKind.ADMINISTRATOR) | Q(is_superuser=True), is_active=True)
        .order_by("pk")
        .first()
    )
    departments = list(Department.objects.order_by("name"))
    officers = _officers()
    shifted = []
    for case in fresh:
        if not _replayed(case):
            continue
        scenario = SCENARIOS[case.pk % len(SCENARIOS)]
        kind = find_case_kind(case.kind)
        if _play(case, scenario, kind.term_days, administrator, departments, officers, now):
            shifted.append(case.pk)
    # The mails these moves queued belong to the past the dates were moved to: not sent now.
    # (Under seed_demo they were never written: replayed_case_mail; a case that stayed as it
    # was gets its held-back mails now.)
    moved = set(shifted)
    mail_withheld_release(lambda due: replayed_case_mail(due) and due.about.pk not in moved)
    Notification.objects.filter(
        status=NotificationStatus.QUEUED,
        kind__startswith="desk.",
        content_type=ContentType.objects.get_for_model(Case),
        object_id__in=shifted,
    ).delete()
    if progress:
        progress(len(fresh))


def _play(case, scenario, term, administrator, departments, officers, now) -> bool:
    """Take the scenario's steps through the services, then date the case and its history
    back to when they happened. Returns False when nobody could take a step at all."""
    if administrator is None and officers.get(case.department_id) is None:
        return False
    today = timezone.localdate(now)
    received_on = add_working_days(today, -_days(term, scenario.ago))
    moments = [_moment(received_on, 9, 30)]
    answered_on = closed_on = None
    for index, (step, offset) in enumerate(scenario.steps):
        day = min(add_working_days(received_on, max(1, _days(term, offset))), today)
        moment = min(_moment(day, 10 + index % 6, 15), now)
        actor = officers.get(case.department_id) or administrator
        if actor is None:
            break  # forwarded to a department without officers: the case waits there
        if step == "assign":
            officer = officers.get(case.department_id)
            if officer is None:
                continue
            case = services.case_assign(actor=actor, case=case, assignee=officer)
        elif step == "forward":
            target = next((d for d in departments if d.pk != case.department_id), None)
            if target is None:
                continue
            case = services.case_forward(
                actor=actor,
                case=case,
                department=target,
                reason=_("Dit verzoek hoort bij de afdeling %(name)s.") % {"name": target},
            )
        elif step == "answer":
            case = services.case_answer(
                actor=actor,
                case=case,
                text=str(ANSWERS[case.pk % len(ANSWERS)]),
                public=case.pk % 2 == 0,
            )
            answered_on = day
        elif step == "close":
            reason = (
                ""
                if case.status == CaseStatus.ANSWERED
                else _("De wijkraad heeft het verzoek ingetrokken: het is anders opgelost.")
            )
            case = services.case_close(actor=actor, case=case, reason=reason)
            closed_on = day
        moments.append(moment)
    events = list(case.events.order_by("pk"))
    for event, moment in zip(events, moments, strict=False):
        event.at = moment
    CaseEvent.objects.bulk_update(events, ["at"])
    answer_by = add_working_days(received_on, term)
    fields = {
        "received_at": moments[0],
        "status_changed_at": moments[-1],
        "answer_by": answer_by,
        "reminded_at": None,
        "escalated_at": None,
    }
    if answered_on:
        fields |= {
            "answered_at": next(e.at for e in events if e.event == CaseEventKind.ANSWERED),
            "working_days_to_answer": working_days_between(received_on, answered_on),
            "answered_in_term": answered_on <= answer_by,
        }
    if closed_on:
        fields["closed_at"] = moments[-1]
    Case.objects.filter(pk=case.pk).update(**fields)
    return True
