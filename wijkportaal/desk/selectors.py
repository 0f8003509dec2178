"""Reads for the desk's pages, each with a constant number of queries whatever the number of
cases (stated per function; tests/desk/test_queries.py holds them to it)."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet
from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.core.dates import start_of_day
from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import Period
from wijkportaal.permissions import current_council_ids, is_administrator, is_officer
from wijkportaal.wijkraden.models import Department

from .hooks import CaseKind, case_kinds, find_case_kind, kind_label
from .models import OPEN_STATUSES, REMOVAL_CASE, Case, CaseEvent, CaseRoute

# Rows per list on the officer's front page (the most urgent first); the admin's case list
# has them all.
WORKLIST_ROWS = 15
RESPONSE_WINDOW_DAYS = 365


def owning_department(
    kind: CaseKind, topic: str = "", default: Department | None = None
) -> Department | str:
    """The department an administrator routed this kind (and topic) to, else the submission's
    own owner (`default`: the action's department for a reaction on it, the contact moment's
    for feedback on it), else the slug of the kind's default department. One query."""
    routes = {
        route.topic: route.department
        for route in CaseRoute.objects.filter(kind=kind.key, topic__in={topic, ""}).select_related(
            "department"
        )
    }
    return routes.get(topic) or routes.get("") or default or kind.department


def answer_promise(kind_key: str, topic: str = "", default: Department | None = None):
    """For a form whose submission opens a case: {"department", "term_days"} — who will
    answer (routes, else `default`, else the kind's department) and within how many working
    days; None for a kind not registered. At most two queries."""
    kind = find_case_kind(kind_key)
    if kind is None:
        return None
    owner = owning_department(kind, topic, default)
    if isinstance(owner, str):
        owner = Department.objects.filter(slug=owner).first()
    return {"department": owner, "term_days": kind.term_days}


def open_removal_request(user: User) -> Case | None:
    """The person's own request to remove their account, while it is still open. One query."""
    if not user.is_authenticated:
        return None
    return (
        Case.objects.open()
        .filter(kind=REMOVAL_CASE, submitted_by_id=user.pk)
        .select_related("department")
        .order_by("-received_at")
        .first()
    )


def case_for_subject(subject) -> Case | None:
    """The case opened for a submitted object, if any. One or two queries."""
    return Case.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).first()


def _with_overdue(queryset: QuerySet, today: datetime.date) -> QuerySet:
    overdue = ExpressionWrapper(
        Q(status__in=OPEN_STATUSES, answer_by__lt=today), output_field=BooleanField()
    )
    return queryset.annotate(overdue=overdue)


def worklist_filters(user: User) -> tuple[Q, Q]:
    """(mine, nobody's yet) for the worklist: open cases assigned to the user, and open cases
    without an assignee of their department (of every department for an administrator)."""
    if is_officer(user):
        unassigned = Q(department_id=user.department_id, assignee__isnull=True)
    elif is_administrator(user):
        unassigned = Q(assignee__isnull=True)
    else:
        unassigned = Q(pk__in=[])
    return Q(assignee_id=user.pk), unassigned


def worklist(user: User, today: datetime.date | None = None) -> dict:
    """The officer's front page: "Mijn werkvoorraad" (open cases assigned to them) and "Mijn
    afdeling" (open cases of their department that nobody has yet; all departments for an
    administrator), overdue first and then by answer-by date, and per kind how many are in
    each list and how many are overdue. Three queries."""
    today = today or timezone.localdate()
    base = _with_overdue(
        Case.objects.open().select_related("council", "department", "assignee"), today
    ).order_by("-overdue", "answer_by", "received_at", "pk")
    mine_filter, unassigned = worklist_filters(user)
    counts = (
        Case.objects.open()
        .filter(mine_filter | unassigned)
        .values("kind")
        .annotate(
            mine=Count("pk", filter=mine_filter),
            department=Count("pk", filter=unassigned),
            overdue=Count("pk", filter=Q(answer_by__lt=today)),
        )
        .order_by("kind")
    )
    kinds = [{**row, "label": kind_label(row["kind"])} for row in counts]
    kinds.sort(key=lambda row: str(row["label"]))
    return {
        "mine": list(base.filter(mine_filter)[:WORKLIST_ROWS]),
        "department": list(base.filter(unassigned)[:WORKLIST_ROWS]),
        "mine_total": sum(row["mine"] for row in kinds),
        "department_total": sum(row["department"] for row in kinds),
        "overdue_total": sum(row["overdue"] for row in kinds),
        "kinds": kinds,
        "department_name": user.department.name if is_officer(user) and user.department else "",
        "today": today,
        "limit": WORKLIST_ROWS,
    }


def visible_cases(user: User) -> QuerySet[Case]:
    """The cases on a person's /mijn/verzoeken/: what they submitted, everything of the
    wijkraden they sit on the board of, and the public cases of the wijkraden they are a
    member of. One or two queries for the memberships (cached on the user)."""
    if not user.is_authenticated:
        return Case.objects.none()
    board = current_council_ids(user, board_only=True)
    member = current_council_ids(user)
    visible = (
        Q(submitted_by_id=user.pk)
        | Q(council_id__in=board)
        | (Q(council_id__in=member) & (Q(is_public=True) | Q(answer_public=True)))
    )
    return Case.objects.filter(visible)


def my_cases(user: User, today: datetime.date | None = None) -> dict:
    """/mijn/verzoeken/: the person's visible cases, open ones first (by answer-by date), then
    the answered and closed ones (latest first), as querysets for the page to cut into pages."""
    today = today or timezone.localdate()
    cases = _with_overdue(visible_cases(user), today).select_related("council", "department")
    return {
        "open": cases.filter(status__in=OPEN_STATUSES).order_by("answer_by", "pk"),
        "finished": cases.exclude(status__in=OPEN_STATUSES).order_by("-received_at", "-pk"),
        "today": today,
    }


def case_get(pk: int) -> Case:
    """One case with its history. Two queries; NotFound when it does not exist."""
    case = (
        Case.objects.select_related("council", "department", "assignee", "submitted_by")
        .prefetch_related(
            Prefetch("events", queryset=CaseEvent.objects.select_related("by").order_by("at", "pk"))
        )
        .filter(pk=pk)
        .first()
    )
    if case is None:
        raise NotFound
    return case


def new_answers(user: User, *, days: int = 30, limit: int = 5) -> dict:
    """For /mijn/: answers of the last `days` days to cases the person sees, and how many of
    their cases are still open. One query (plus the memberships, cached on the user)."""
    since = timezone.now() - datetime.timedelta(days=days)
    cases = list(
        visible_cases(user)
        .filter(Q(answered_at__gte=since) | Q(status__in=OPEN_STATUSES))
        .select_related("department")
        .order_by("-answered_at", "-pk")
    )
    answers = [case for case in cases if case.answered_at and case.answered_at >= since]
    open_count = sum(1 for case in cases if case.status in OPEN_STATUSES)
    return {"answers": answers[:limit], "open_count": open_count}


# --- Answer times ----------------------------------------------------------------------------


def _figures(received=0, answered=0, in_term=0, late_open=0, open_now=0, overdue=0, days=()):
    # In term, as a share of what had to be answered by now: the answered cases plus those
    # still open past their date (cases open within their term are not late yet).
    due = answered + late_open
    return {
        "received": received,
        "answered": answered,
        "answered_in_term": in_term,
        "answered_in_term_pct": round(100 * in_term / due) if due else None,
        "median_working_days": statistics.median(days) if days else None,
        "open": open_now,
        "overdue": overdue,
    }


def answered_in_term_share(period: Period, *, kind: str | None = None) -> float | None:
    """Indicators of recommendations 6 (every kind) and 7 (one kind): of the cases received in
    the period whose answer was due by the moment of measuring — answered, or still open past
    their answer-by date — the percentage answered within the term. Cases still within their
    term do not count yet. None when nothing was due. One query."""
    start = start_of_day(period.start)
    end = start_of_day(period.end + datetime.timedelta(days=1))
    cases = Case.objects.filter(received_at__gte=start, received_at__lt=min(end, period.now))
    if kind is not None:
        cases = cases.filter(kind=kind)
    answered = Q(answered_at__isnull=False, answered_at__lte=period.now)
    late_open = Q(status__in=OPEN_STATUSES, answer_by__lt=period.today)
    figures = cases.aggregate(
        due=Count("pk", filter=answered | late_open),
        in_term=Count("pk", filter=answered & Q(answered_in_term=True)),
    )
    if not figures["due"]:
        return None
    return round(100 * figures["in_term"] / figures["due"], 1)


def response_times(today: datetime.date | None = None) -> dict:
    """Public answer times per department and per kind of case: over the cases received in the
    last twelve months, how many, how many answered and within the term (%), the median number
    of working days to an answer; and how many are open and overdue now. Numbers only: no
    names, no texts. The same figures feed /voortgang/reactietijd/ and export.json. Two
    queries."""
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=RESPONSE_WINDOW_DAYS)
    # Received after `start`, local time; as a bound on the column itself (an index can use it,
    # and SQLite calls no Python function per row).
    since = start_of_day(start + datetime.timedelta(days=1))
    window = Q(received_at__gte=since)
    is_open = Q(status__in=OPEN_STATUSES)
    rows = (
        Case.objects.filter(window | is_open)
        .values("department_id", "department__name", "department__slug", "kind")
        .annotate(
            received=Count("pk", filter=window),
            answered=Count("pk", filter=window & Q(answered_at__isnull=False)),
            in_term=Count("pk", filter=window & Q(answered_in_term=True)),
            late_open=Count("pk", filter=window & is_open & Q(answer_by__lt=today)),
            open_now=Count("pk", filter=is_open),
            overdue=Count("pk", filter=is_open & Q(answer_by__lt=today)),
        )
        .order_by()
    )
    days: dict[tuple[int, str], list[int]] = defaultdict(list)
    for department_id, kind, value in (
        Case.objects.filter(window, working_days_to_answer__isnull=False)
        .values_list("department_id", "kind", "working_days_to_answer")
        .order_by()
    ):
        days[(department_id, kind)].append(value)

    counters = ("received", "answered", "in_term", "late_open", "open_now", "overdue")
    by_department: dict[int, dict] = {}
    by_kind: dict[str, dict] = {}
    total = dict.fromkeys(counters, 0) | {"days": []}

    def add(into: dict, row: dict, values: list[int]) -> None:
        for counter in counters:
            into[counter] += row[counter]
        into["days"].extend(values)

    for row in rows:
        values = days.get((row["department_id"], row["kind"]), [])
        department = by_department.setdefault(
            row["department_id"],
            {
                "name": row["department__name"],
                "slug": row["department__slug"],
                "sums": dict.fromkeys(counters, 0) | {"days": []},
                "kinds": {},
            },
        )
        add(department["sums"], row, values)
        department["kinds"][row["kind"]] = _figures(**{c: row[c] for c in counters}, days=values)
        add(by_kind.setdefault(row["kind"], dict.fromkeys(counters, 0) | {"days": []}), row, values)
        add(total, row, values)

    order = {kind.key: index for index, kind in enumerate(case_kinds())}
    kind_keys = sorted(by_kind, key=lambda key: (order.get(key, len(order)), key))
    return {
        "period": {
            "from": (start + datetime.timedelta(days=1)).isoformat(),
            "to": today.isoformat(),
        },
        "departments": [
            {
                "department": department["name"],
                "slug": department["slug"],
                **_figures(**department["sums"]),
                "kinds": [
                    {"kind": key, "label": kind_label(key), **department["kinds"][key]}
                    for key in kind_keys
                    if key in department["kinds"]
                ],
            }
            for department in sorted(by_department.values(), key=lambda d: d["name"])
        ],
        "kinds": [
            {"kind": key, "label": kind_label(key), **_figures(**by_kind[key])} for key in kind_keys
        ],
        "total": _figures(**total),
    }
