"""Reads of the progress monitor. Every function runs a constant number of queries, whatever
the number of recommendations, actions or updates (the query-count tests hold them to it)."""

from __future__ import annotations

import bisect
import datetime
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Max, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.core import pagecache
from wijkportaal.core.charts import percentage_bars, trend_line
from wijkportaal.core.dates import start_of_day
from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import IndicatorSource, Period, registry
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet

from .cache import MONITOR_SCOPES
from .models import (
    CLOSED_STATUSES,
    ActionItem,
    ActionStatus,
    Follow,
    Indicator,
    IndicatorSnapshot,
    IndicatorStatus,
    PeriodKind,
    ProgrammeEvent,
    ProgressUpdate,
    Reaction,
    Recommendation,
)

logger = logging.getLogger(__name__)

STATUS_ORDER = [choice for choice, _label in ActionStatus.choices]


def average_progress(total: int, count: int) -> int:
    """The average progress of `count` actions whose progress adds up to `total` (0 for none)."""
    return round(total / count) if count else 0


def overall_progress(progress_values: list[int]) -> int:
    """Average progress of the actions that still count (vervallen ones do not)."""
    return average_progress(sum(progress_values), len(progress_values))


# --- Indicators -------------------------------------------------------------------------------


def programme_year(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The programme year that holds `on`: from the day PROGRAMME_YEAR_START ("MM-DD", default
    the first of January) up to the day before the next one."""
    month, day = (int(part) for part in settings.PROGRAMME_YEAR_START.split("-"))
    start = datetime.date(on.year, month, day)
    if start > on:
        start = datetime.date(on.year - 1, month, day)
    end = datetime.date(start.year + 1, month, day) - datetime.timedelta(days=1)
    return start, end


def indicator_period(indicator: Indicator, now: datetime.datetime) -> Period:
    if indicator.period_kind == PeriodKind.TARGET_DATE:
        return Period(start=indicator.period_start, end=indicator.period_end, now=now)
    start, end = programme_year(timezone.localdate(now))
    return Period(start=start, end=end, now=now)


def indicator_status(value, target, period: Period) -> str:
    """From the data only. No target: geen doel. The value reached the target: gehaald.
    Otherwise, within the period, op schema while the value keeps pace with the part of the
    period that has passed (target × days passed / days in the period), else achter; after the
    period: achter. No value counts as nothing."""
    if target is None:
        return IndicatorStatus.NO_TARGET
    value = Decimal(str(value)) if value is not None else Decimal(0)
    target = Decimal(str(target))
    if value >= target:
        return IndicatorStatus.MET
    if period.today > period.end:
        return IndicatorStatus.BEHIND
    days = (period.end - period.start).days + 1
    passed = min(max((period.today - period.start).days + 1, 0), days)
    expected = target * passed / days
    return IndicatorStatus.ON_TRACK if value >= expected else IndicatorStatus.BEHIND


def indicator_value(indicator: Indicator, period: Period) -> tuple[Any, bool, Any]:
    """(value, live, source plugin): computed live when an app registered the indicator's
    source; else the manual value. A failing computation falls back to the manual value and
    counts as handmatig."""
    source = registry.get(IndicatorSource, indicator.source) if indicator.source else None
    if source is not None:
        try:
            value = source.compute(period)
        except Exception:  # noqa: BLE001 - one broken source must not take the page down
            logger.exception("Indicator source %s failed", indicator.source)
        else:
            return (round(Decimal(str(value)), 2) if value is not None else None), True, source
    return indicator.manual_value, False, None


def _indicator_queryset():
    return Indicator.objects.select_related("recommendation", "manual_set_by")


def indicator_rows(
    indicators=None, *, now: datetime.datetime | None = None, history: bool = False
) -> list[dict]:
    """Each indicator with its definition, period, value computed now, status and (with
    `history`) its snapshots and trend chart. Two queries plus each source's own."""
    now = now or timezone.now()
    indicators = list(indicators if indicators is not None else _indicator_queryset())
    snapshots: dict[int, list[IndicatorSnapshot]] = defaultdict(list)
    if history and indicators:
        for snapshot in IndicatorSnapshot.objects.filter(
            indicator__in=[indicator.pk for indicator in indicators]
        ).order_by("taken_at", "pk"):
            snapshots[snapshot.indicator_id].append(snapshot)
    rows = []
    for indicator in indicators:
        period = indicator_period(indicator, now)
        value, live, source = indicator_value(indicator, period)
        status = indicator_status(value, indicator.target, period)
        definition = (source.definition if source else "") or indicator.definition
        points = [
            {"date": timezone.localdate(snapshot.taken_at), "value": snapshot.value}
            for snapshot in snapshots.get(indicator.pk, [])
        ]
        rows.append(
            {
                "indicator": indicator,
                "key": indicator.key,
                "title": indicator.title,
                "definition": definition,
                "recommendation_number": indicator.recommendation.number,
                "period": period,
                "period_kind": indicator.period_kind,
                "value": value,
                "target": indicator.target,
                "unit": indicator.unit or (source.unit if source else ""),
                "live": live,
                "source": "live" if live else "handmatig",
                "status": status,
                "status_label": IndicatorStatus(status).label,
                "met": status == IndicatorStatus.MET,
                "manual_set_by": None if live else indicator.manual_set_by,
                "manual_set_at": None if live else indicator.manual_set_at,
                "computed_at": now,
                "history": points,
                "trend": trend_line(points, value="value", label="date") if points else None,
            }
        )
    return rows


def cached_indicator_rows(*, recommendation: Recommendation | None = None) -> list[dict]:
    """`indicator_rows` computed once and kept (`pagecache.fragment`) under the versions of
    every page-cache scope — a source may count any app's data, so a write anywhere computes
    them again (never stale) — the day, the time slot (sources count what has happened by now)
    and the language; a warm call reads the versions and runs no query. Every indicator with
    its history (/voortgang/, /admin/, the export), or one recommendation's without (its page).
    Snapshots (services.indicator_snapshots_take) compute live instead."""
    if recommendation is None:
        return pagecache.fragment(
            "recommendations:indicators", pagecache.ALL, lambda: indicator_rows(history=True)
        )
    return pagecache.fragment(
        "recommendations:indicators",
        pagecache.ALL,
        lambda: indicator_rows(_indicator_queryset().filter(recommendation=recommendation)),
        vary=(recommendation.pk,),
    )


def all_indicator_rows() -> list[dict]:
    return cached_indicator_rows()


# --- The monitor ------------------------------------------------------------------------------


def _next_month(month: datetime.date) -> datetime.date:
    return datetime.date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _months_back(today: datetime.date, count: int) -> list[datetime.date]:
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def monitor_indicators() -> dict:
    """The live part of /voortgang/: every indicator with its history, computed again after
    any write anywhere (`all_indicator_rows`)."""
    return {"indicators": all_indicator_rows(), "show_recommendation": True}


def monitor_summary(today: datetime.date | None = None) -> dict:
    """Per recommendation: counts by status, overall progress, overdue, last update; the headline
    figures; and the chart data. Cached until the next change (six queries when cold)."""
    today = today or timezone.localdate()
    return pagecache.fragment(
        "recommendations:monitor-summary",
        MONITOR_SCOPES,
        lambda: _build_monitor_summary(today),
        vary=(today,),
    )


def _figures_by_status(rows: Iterable[dict], status_key: str = "status") -> dict:
    """The monitor's figures of a set of actions from its rows per status (count, progress
    sum, overdue count, last update): how many, per status, overdue (open ones only), the
    progress that counts (vervallen actions do not) and the last update."""
    figures = {
        "action_count": 0,
        "progress_sum": 0,
        "progress_n": 0,
        "overdue": 0,
        "last_update": None,
    }
    for row in rows:
        status, count = row[status_key], row["count"]
        figures["action_count"] += count
        figures[f"status_{status}"] = count
        if status != ActionStatus.CANCELLED:
            figures["progress_sum"] += row["progress_sum"] or 0
            figures["progress_n"] += count
        if status not in CLOSED_STATUSES:
            figures["overdue"] += row["overdue"]
        last = row.get("last_update")
        if last is not None and (figures["last_update"] is None or last > figures["last_update"]):
            figures["last_update"] = last
    return figures


def _per_status(queryset, today: datetime.date, prefix: str = ""):
    """`queryset`, grouped by the action's status (`values(..., "<prefix>status")`), with the
    aggregates `_figures_by_status` adds up: few expressions, so little to compile."""
    return queryset.order_by().annotate(
        count=Count(f"{prefix}pk"),
        progress_sum=Sum(f"{prefix}progress"),
        overdue=Count(f"{prefix}pk", filter=Q(**{f"{prefix}due_date__lt": today})),
        last_update=Max(f"{prefix}last_progress_at"),
    )


def _progress_of(figures: dict) -> int:
    return average_progress(figures["progress_sum"], figures["progress_n"])


def _build_monitor_summary(today: datetime.date) -> dict:
    """Counted by the database, per recommendation and status and per status (two queries
    over the actions, one over the completions): the cost does not grow with the number of
    actions in Python."""
    recommendations = list(Recommendation.objects.order_by("number"))
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in _per_status(
        ActionItem.recommendations.through.objects.values(
            "recommendation_id", "actionitem__status"
        ),
        today,
        prefix="actionitem__",
    ):
        grouped[row["recommendation_id"]].append(row)
    rows = []
    for recommendation in recommendations:
        figures = _figures_by_status(grouped.get(recommendation.pk, []), "actionitem__status")
        rows.append(
            {
                "number": recommendation.number,
                "title": recommendation.title,
                "stance": recommendation.stance,
                "stance_label": recommendation.get_stance_display(),
                "url": recommendation.get_absolute_url(),
                "action_count": figures["action_count"],
                "status_counts": [
                    {"status": status, "label": label, "count": figures.get(f"status_{status}", 0)}
                    for status, label in ActionStatus.choices
                ],
                "progress": _progress_of(figures),
                "overdue": figures["overdue"],
                "last_update": figures["last_update"],
            }
        )

    totals = _figures_by_status(_per_status(ActionItem.objects.values("status"), today))
    headline = {
        "recommendations": len(recommendations),
        "actions": totals["action_count"],
        "done": totals.get(f"status_{ActionStatus.DONE}", 0),
        "running": totals.get(f"status_{ActionStatus.RUNNING}", 0),
        "overdue": totals["overdue"],
        "progress": _progress_of(totals),
    }

    # Actions completed per month over the last twelve months (the moment they became afgerond):
    # each completion falls between two months' first moments, local time.
    months = _months_back(today, 12)
    bounds = [start_of_day(month) for month in months]
    completions = ProgressUpdate.objects.filter(status_after=ActionStatus.DONE).exclude(
        status_before=ActionStatus.DONE
    )
    end = start_of_day(_next_month(months[-1]))
    per_month = Counter(
        months[bisect.bisect_right(bounds, moment) - 1]
        for moment in completions.filter(created_at__gte=bounds[0], created_at__lt=end).values_list(
            "created_at", flat=True
        )
    )
    done_before = completions.filter(created_at__lt=bounds[0]).count()
    cumulative = done_before
    timeline = []
    for month in months:
        cumulative += per_month.get(month, 0)
        timeline.append({"month": month, "count": per_month.get(month, 0), "total": cumulative})
    return {
        "rows": rows,
        "headline": headline,
        "programme_events": list(ProgrammeEvent.objects.order_by("date", "pk")),
        "chart_progress": _progress_chart(rows),
        "chart_completed": _completed_chart(timeline),
        "timeline": timeline,
    }


def _progress_chart(rows: list[dict]) -> dict:
    items = [
        {
            "label": _("Aanbeveling %(n)s") % {"n": row["number"]},
            "title": row["title"],
            "progress": row["progress"],
        }
        for row in rows
    ]
    return percentage_bars(items, value="progress")


# SVG geometry is computed here so the templates only place numbers.
def _completed_chart(timeline: list[dict]) -> dict:
    plot_height, column, top = 160, 40, 20
    peak = max([point["count"] for point in timeline] + [1])
    columns = []
    for index, point in enumerate(timeline):
        height = round(plot_height * point["count"] / peak, 1)
        x = index * column + 8
        columns.append(
            {
                "x": x,
                "y": top + plot_height - height,
                "height": height,
                "width": column - 12,
                "count": point["count"],
                "label_x": x + (column - 12) / 2,
                "value_y": top + plot_height - height - 4,
                "month": point["month"],
            }
        )
    return {
        "columns": columns,
        "width": len(timeline) * column + 16,
        "height": top + plot_height + 30,
        "axis_y": top + plot_height,
        "month_y": top + plot_height + 18,
    }


def _with_dependencies(queryset):
    return queryset.prefetch_related(
        Prefetch("dependencies", queryset=ActionItem.objects.only("pk", "title", "status")),
        Prefetch("recommendations", queryset=Recommendation.objects.only("pk", "number", "title")),
    )


def monitor_actions(queryset=None):
    """The actions of /voortgang/acties/ (after the filters), by due date: owner, planning,
    waiting-for. A queryset, for the page to cut; three queries for one page."""
    queryset = queryset if queryset is not None else ActionItem.objects.all()
    return _with_dependencies(
        queryset.select_related("department").order_by(
            F("due_date").asc(nulls_last=True), "title", "pk"
        )
    )


def waiting_on(action: ActionItem, dependencies: Iterable[ActionItem] | None = None):
    """The actions `action` still waits for: its dependencies that are not afgerond (a
    vervallen one too: nobody finished it). `dependencies` replaces the stored ones when a form
    is about to change them (or the action is not saved yet)."""
    if dependencies is None:
        dependencies = action.dependencies.all()
    return [dep for dep in dependencies if dep.status != ActionStatus.DONE]


# --- One recommendation, one action -----------------------------------------------------------


def _timeline_prefetch(latest: int | None = None):
    updates = ProgressUpdate.objects.select_related("author", "author__department").order_by(
        "-created_at", "-pk"
    )
    if latest:
        # A cut timeline goes to its own attribute (Django cannot refilter a sliced queryset).
        return Prefetch("updates", queryset=updates[:latest], to_attr="latest_updates")
    return Prefetch("updates", queryset=updates)


# The recommendation page shows each action's latest updates; the action's own page has all.
TIMELINE_ON_RECOMMENDATION = 3


def recommendation_detail(number: int) -> dict:
    recommendation = Recommendation.objects.filter(number=number).first()
    if recommendation is None:
        raise NotFound(_("Er is geen aanbeveling met nummer %(n)s.") % {"n": number})
    # A queryset: the page cuts it (a page of actions, each with its latest updates).
    actions = _with_dependencies(
        recommendation.actions.select_related("department", "responsible")
        .prefetch_related(_timeline_prefetch(TIMELINE_ON_RECOMMENDATION))
        .annotate(update_count=Count("updates"))
        .order_by("due_date", "title", "pk")
    )
    indicators = cached_indicator_rows(recommendation=recommendation)
    counting = list(
        recommendation.actions.exclude(status=ActionStatus.CANCELLED).values_list(
            "progress", flat=True
        )
    )
    return {
        "recommendation": recommendation,
        "actions": actions,
        "indicators": indicators,
        "answer_versions": list(
            recommendation.answer_versions.order_by("-valid_from", "-created_at", "-pk")
        ),
        "progress": overall_progress(counting),
    }


def action_detail(pk: int) -> dict:
    action = (
        _with_dependencies(
            ActionItem.objects.select_related("department", "responsible").prefetch_related(
                _timeline_prefetch(),
                Prefetch(
                    "reactions",
                    queryset=Reaction.objects.select_related("council").order_by(
                        "created_at", "pk"
                    ),
                ),
                Prefetch("dependents", queryset=ActionItem.objects.only("pk", "title", "status")),
            )
        )
        .filter(pk=pk)
        .first()
    )
    if action is None:
        raise NotFound(_("Deze actie bestaat niet (meer)."))
    return {
        "action": action,
        "waiting_on": waiting_on(action),
        "links": registry.action_links([action.pk]).get(action.pk, []),
    }


def follows_of(user, *, recommendation=None, action=None) -> bool:
    if not user.is_authenticated:
        return False
    target = {"recommendation": recommendation} if recommendation else {"action": action}
    return Follow.objects.filter(user=user, **target).exists()


# --- Feeds and export -------------------------------------------------------------------------


def latest_updates(*, recommendation: Recommendation | None = None, limit: int = 50):
    updates = ProgressUpdate.objects.select_related("action", "author")
    if recommendation is not None:
        updates = updates.filter(action__recommendations=recommendation)
    return list(updates.order_by("-created_at", "-pk")[:limit])


EXPORT_COLUMNS = [
    ("id", _("Vast nummer van de actie.")),
    ("sleutel", _("Vaste naam van de actie, bv. werkgroep-rollen (kan leeg zijn).")),
    ("titel", _("Titel van de actie.")),
    ("aanbevelingen", _("Nummers van de aanbevelingen die de actie uitvoert, gescheiden door ;.")),
    ("status", _("gepland, lopend, geblokkeerd, afgerond of vervallen.")),
    ("voortgang", _("Voortgang in procenten, een geheel getal van 0 tot en met 100.")),
    ("afdeling", _("De afdeling van de gemeente die eigenaar is.")),
    ("start", _("Startdatum (JJJJ-MM-DD), kan leeg zijn.")),
    ("gereed_op", _("Datum waarop de actie klaar moet zijn (JJJJ-MM-DD), kan leeg zijn.")),
    ("over_tijd", _("ja als de einddatum voorbij is en de actie niet afgerond of vervallen is.")),
    ("financiering_euro", _("Bedrag in euro met een punt als decimaalteken, kan leeg zijn.")),
    ("financieringsbron", _("Waar het geld vandaan komt.")),
    ("laatste_update", _("Moment van het laatste voortgangsbericht (ISO 8601), kan leeg zijn.")),
    ("url", _("Adres van de openbare pagina van de actie.")),
]


def _url_pattern(viewname: str, **kwargs) -> str:
    """The path of `viewname` with `{}` where its one argument goes: one reverse() for a whole
    export instead of one per row."""
    marker = 987654321
    ((name, _value),) = kwargs.items()
    return reverse(viewname, kwargs={name: marker}).replace(str(marker), "{}")


def export_data(site_url: str, today: datetime.date | None = None) -> dict:
    """Open data: a row per action and the recommendations with their actions. Three queries,
    read as plain values (an export of a thousand actions builds no model instances)."""
    today = today or timezone.localdate()
    recommendations = list(
        Recommendation.objects.order_by("number").values("pk", "number", "title", "stance")
    )
    number_of = {r["pk"]: r["number"] for r in recommendations}
    linked: dict[int, list[int]] = defaultdict(list)
    for action_id, recommendation_id in ActionItem.recommendations.through.objects.values_list(
        "actionitem_id", "recommendation_id"
    ).order_by():
        linked[action_id].append(recommendation_id)
    zone = timezone.get_current_timezone()  # once: localtime() looks it up on every call
    action_url = site_url + _url_pattern("recommendations:action-detail", pk=0)
    recommendation_url = site_url + _url_pattern("recommendations:recommendation-detail", number=0)
    rows = []
    per_recommendation = defaultdict(list)
    for action in (
        ActionItem.objects.order_by("pk")
        .values(
            "pk",
            "key",
            "title",
            "status",
            "progress",
            "department__name",
            "start_date",
            "due_date",
            "financing_amount",
            "financing_source",
            "last_progress_at",
        )
        .iterator(chunk_size=2000)
    ):
        recommendation_ids = linked.get(action["pk"], [])
        due = action["due_date"]
        last = action["last_progress_at"]
        row = {
            "id": action["pk"],
            "sleutel": action["key"] or "",
            "titel": action["title"],
            "aanbevelingen": sorted(number_of[pk] for pk in recommendation_ids),
            "status": action["status"],
            "voortgang": action["progress"],
            "afdeling": action["department__name"],
            "start": action["start_date"].isoformat() if action["start_date"] else None,
            "gereed_op": due.isoformat() if due else None,
            # ActionItem.is_overdue, on plain values
            "over_tijd": due is not None
            and action["status"] not in CLOSED_STATUSES
            and due < today,
            "financiering_euro": (
                str(action["financing_amount"]) if action["financing_amount"] is not None else None
            ),
            "financieringsbron": action["financing_source"],
            "laatste_update": last.astimezone(zone).isoformat() if last else None,
            "url": action_url.format(action["pk"]),
        }
        rows.append(row)
        for recommendation_id in recommendation_ids:
            per_recommendation[recommendation_id].append(row)
    return {
        "rows": rows,
        "recommendations": [
            {
                "nummer": r["number"],
                "titel": r["title"],
                "standpunt": r["stance"],
                "url": recommendation_url.format(r["number"]),
                "acties": per_recommendation.get(r["pk"], []),
            }
            for r in recommendations
        ],
    }


EXPORT_INDICATOR_FIELDS = [
    ("key", _("Vaste naam van de indicator.")),
    ("recommendation", _("Nummer van de aanbeveling.")),
    ("title", _("Wat de indicator meet, kort.")),
    ("definition", _("Eén zin: wat precies geteld wordt.")),
    ("period_start", _("Eerste dag van de periode (JJJJ-MM-DD).")),
    ("period_end", _("Laatste dag van de periode: einde van het programmajaar of de doeldatum.")),
    ("target", _("Het doel, een getal; null als er geen doel is.")),
    ("value", _("De waarde op het moment computed_at; null als er geen gegevens zijn.")),
    ("unit", _("Eenheid, bv. % of wijkraden (kan leeg zijn).")),
    ("status", _("gehaald, op_schema, achter of geen_doel; volgt alleen uit de gegevens.")),
    ("source", _("live (berekend uit het portaal) of handmatig (ingevuld door een ambtenaar).")),
    ("computed_at", _("Moment van berekenen (ISO 8601).")),
    (
        "history",
        _("De maandelijks vastgelegde waarden: een lijst van {date, value}, oudste eerst."),
    ),
]


def _number(value):
    """A Decimal as a JSON number: an integer when it is whole."""
    if value is None:
        return None
    value = Decimal(str(value))
    return int(value) if value == value.to_integral_value() else float(value)


def export_indicators() -> list[dict]:
    """The indicators as open data (see recommendations/schemas/export.schema.json), each with
    its history of snapshots. Two queries plus each source's own."""
    return [
        {
            "key": row["key"],
            "recommendation": row["recommendation_number"],
            "title": row["title"],
            "definition": str(row["definition"]),
            "period_start": row["period"].start.isoformat(),
            "period_end": row["period"].end.isoformat(),
            "target": _number(row["target"]),
            "value": _number(row["value"]),
            "unit": row["unit"],
            "status": row["status"],
            "source": row["source"],
            "computed_at": timezone.localtime(row["computed_at"]).isoformat(),
            "history": [
                {"date": point["date"].isoformat(), "value": _number(point["value"])}
                for point in row["history"]
            ],
        }
        for row in all_indicator_rows()
    ]


# --- /mijn/ -----------------------------------------------------------------------------------


def my_follows(user, since: datetime.datetime | None) -> dict:
    """What the user follows, and the updates on it since `since` (all recent ones the first
    time). Three queries."""
    follows = list(
        Follow.objects.filter(user=user)
        .select_related("recommendation", "action")
        .order_by("recommendation__number", "action__title")
    )
    recommendation_ids = [f.recommendation_id for f in follows if f.recommendation_id]
    action_ids = [f.action_id for f in follows if f.action_id]
    changes = []
    if follows:
        updates = ProgressUpdate.objects.filter(
            Q(action_id__in=action_ids) | Q(action__recommendations__in=recommendation_ids)
        )
        if since is not None:
            updates = updates.filter(created_at__gt=since)
        changes = list(
            updates.select_related("action").distinct().order_by("-created_at", "-pk")[:20]
        )
    return {
        "recommendations": [f.recommendation for f in follows if f.recommendation_id],
        "actions": [f.action for f in follows if f.action_id],
        "changes": changes,
        "since": since,
    }


# --- The admin dashboard ----------------------------------------------------------------------


# Rows per list on the dashboard: the most urgent (own department first), with the total.
DASHBOARD_LIMIT = 15


def _actions_per_department(today: datetime.date) -> list[dict]:
    """Actions per department (total, done, late), the same for every officer: kept under the
    versions of the actions' and the departments' scopes and the day (one query when cold)."""

    def count():
        return list(
            ActionItem.objects.values("department_id", "department__name")
            .annotate(
                total=Count("pk"),
                done=Count("pk", filter=Q(status=ActionStatus.DONE)),
                late=Count(
                    "pk",
                    filter=Q(due_date__lt=today) & ~Q(status__in=CLOSED_STATUSES),
                ),
            )
            .order_by("department__name")
        )

    return pagecache.fragment(
        "recommendations:per-department", ("recommendations", "wijkraden"), count, vary=(today,)
    )


def admin_dashboard(user, today: datetime.date | None = None) -> dict:
    """What an officer needs first: late and soon-due actions (their own department first,
    the first DASHBOARD_LIMIT of each with the totals), progress per recommendation, actions per
    department, indicators, the latest updates. The same number of queries at any size."""
    today = today or timezone.localdate()
    department_id = getattr(user, "department_id", None)
    open_due = ActionItem.objects.open().filter(
        due_date__isnull=False, due_date__lte=today + datetime.timedelta(days=30)
    )
    # Two queries: the keys of every open action due within 30 days (small tuples, sorted
    # here, own department first), then the first rows of each list in full.
    keys = sorted(
        open_due.values_list("pk", "department_id", "due_date"),
        key=lambda key: (key[1] != department_id, key[2], key[0]),
    )
    late = [pk for pk, _department, due in keys if due < today]
    soon = [pk for pk, _department, due in keys if due >= today]
    shown = late[:DASHBOARD_LIMIT] + soon[:DASHBOARD_LIMIT]
    rows = ActionItem.objects.select_related("department", "responsible").in_bulk(shown)
    overdue = [rows[pk] for pk in late[:DASHBOARD_LIMIT]]
    due_soon = [rows[pk] for pk in soon[:DASHBOARD_LIMIT]]
    per_department = sorted(
        _actions_per_department(today), key=lambda row: row["department_id"] != department_id
    )
    return {
        "overdue": overdue,
        "overdue_total": len(late),
        "due_soon": due_soon,
        "due_soon_total": len(soon),
        "summary": monitor_summary(today)["rows"],
        "per_department": per_department,
        "indicators": all_indicator_rows(),
        "latest": latest_updates(limit=10),
        "department_id": department_id,
    }


# --- Search (/zoeken/): everything here is public ---------------------------------------------


def search_recommendations(query: str, user) -> list[SearchHit]:
    """The recommendations whose title, request or answer match: one query."""
    found = matching(Recommendation.objects.all(), query, ("title", "summary", "answer"))
    return [
        SearchHit(str(rec), rec.get_absolute_url(), snippet(f"{rec.summary} {rec.answer}", query))
        for rec in found[:RESULTS_PER_SOURCE]
    ]


def search_actions(query: str, user) -> list[SearchHit]:
    """The actions whose title, description or planning match: one query."""
    found = matching(
        ActionItem.objects.all(),
        query,
        ("title", "description", "planning"),
    )
    return [
        SearchHit(
            action.title,
            action.get_absolute_url(),
            snippet(action.description or action.planning, query),
        )
        for action in found[:RESULTS_PER_SOURCE]
    ]
