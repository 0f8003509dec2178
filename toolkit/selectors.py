"""Reads of the toolkit, each in a constant number of queries."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from wijkportaal.core.dates import start_of_day
from wijkportaal.core.errors import NotFound
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.models import District, InventoryRound, NeighbourhoodCouncil

from .models import ROUND_KIND, Channel, ChannelKind, InventoryStatus, KnowHowEntry

UP_TO_DATE_WINDOW = datetime.timedelta(days=365)


def channel_kinds():
    return ChannelKind.objects.all()


def matrix_by_district(*, councils, kinds) -> dict:
    """The overview of /toolkit/: per stadsdeel the number of wijkraden (of `councils`) and,
    per channel kind, how many of them use it and their reach; a grand total per kind. Three
    queries, whatever the number of wijkraden."""
    kinds = list(kinds)
    kind_ids = [kind.pk for kind in kinds]
    council_ids = councils.order_by().values("pk")
    council_counts = dict(
        NeighbourhoodCouncil.objects.filter(pk__in=council_ids)
        .order_by()
        .values_list("district_id")
        .annotate(n=Count("pk"))
    )
    usage = (
        Channel.objects.filter(council__in=council_ids, kind_id__in=kind_ids)
        .order_by()
        .values_list("council__district_id", "kind_id")
        .annotate(councils=Count("council", distinct=True), reach=Sum("reach"))
    )
    by_cell = {(district, kind): (used, reach or 0) for district, kind, used, reach in usage}
    totals = {kind.pk: {"kind": kind, "councils": 0, "reach": 0} for kind in kinds}
    rows = []
    for district in District.objects.filter(pk__in=council_counts).order_by("name"):
        cells = []
        for kind in kinds:
            used, reach = by_cell.get((district.pk, kind.pk), (0, 0))
            cells.append({"kind": kind, "councils": used, "reach": reach})
            totals[kind.pk]["councils"] += used
            totals[kind.pk]["reach"] += reach
        rows.append(
            {"district": district, "council_count": council_counts[district.pk], "cells": cells}
        )
    return {
        "kinds": kinds,
        "district_rows": rows,
        "council_total": sum(council_counts.values()),
        "totals": [totals[pk] for pk in kind_ids],
    }


def matrix(*, councils, kinds) -> dict:
    """The wijkraden × channel kinds table: for each wijkraad (a page of them) a row of cells
    (the channels of that kind, possibly none). One query for the channels."""
    councils = list(councils)
    kinds = list(kinds)
    kind_ids = [kind.pk for kind in kinds]
    channels = Channel.objects.filter(
        council__in=[council.pk for council in councils], kind_id__in=kind_ids
    ).order_by("name")
    by_cell: dict[tuple[int, int], list[Channel]] = defaultdict(list)
    for channel in channels:
        by_cell[(channel.council_id, channel.kind_id)].append(channel)
    rows = []
    for council in councils:
        cells = []
        for kind in kinds:
            cells.append({"kind": kind, "channels": by_cell.get((council.pk, kind.pk), [])})
        rows.append(
            {"council": council, "cells": cells, "count": sum(bool(c["channels"]) for c in cells)}
        )
    return {"kinds": kinds, "rows": rows}


def matrix_councils():
    return NeighbourhoodCouncil.objects.active().order_by("district__name", "name")


EXPERIENCES_SHOWN = 10


def kind_overview(slug: str) -> dict:
    """One kind of channel: who uses it (`channels`, a queryset the page shows a page at a
    time), total and median reach, costs and effort over all of them, the latest experiences
    and the know-how entries about it. Five queries however many wijkraden use it."""
    try:
        kind = ChannelKind.objects.get(slug=slug)
    except ChannelKind.DoesNotExist as error:
        raise NotFound from error
    channels = (
        Channel.objects.of_active_councils()
        .with_contact_available()
        .filter(kind=kind)
        .select_related("council", "council__district")
        .order_by("council__name", "name")
    )
    figures = list(channels.values_list("council_id", "reach", "yearly_cost", "effort_hours"))
    reaches = [reach for _, reach, _, _ in figures if reach is not None]
    costs = [cost for _, _, cost, _ in figures]
    efforts = [effort for _, _, _, effort in figures]
    with_results = channels.exclude(results__regex=r"^\s*$")
    entries = list(KnowHowEntry.objects.filter(channel_kinds=kind).order_by("-published_at")[:10])
    return {
        "kind": kind,
        "channels": channels,
        "council_count": len({council_id for council_id, _, _, _ in figures}),
        "reach_total": sum(reaches),
        "reach_median": statistics.median(reaches) if reaches else None,
        "reach_measured": len(reaches),
        "cost_total": sum(costs, Decimal(0)),
        "cost_median": statistics.median(costs) if costs else None,
        "effort_median": statistics.median(efforts) if efforts else None,
        "experiences": list(with_results.order_by("-updated_at")[:EXPERIENCES_SHOWN]),
        "entries": entries,
    }


def inventory(council: NeighbourhoodCouncil) -> list[Channel]:
    return list(
        Channel.objects.filter(council=council)
        .select_related("kind", "contact_person")
        .order_by("kind__order", "name")
    )


def inventory_status(council: NeighbourhoodCouncil) -> InventoryStatus | None:
    return InventoryStatus.objects.filter(council=council).select_related("checked_by").first()


def current_round(on: datetime.date | None = None) -> InventoryRound | None:
    on = on or timezone.localdate()
    return (
        InventoryRound.objects.filter(kind=ROUND_KIND, opens_on__lte=on, deadline__gte=on)
        .order_by("-opens_on", "-pk")
        .first()
    )


def up_to_date_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """An inventory is up to date when checked since the current round opened (while a round
    runs) or, without a running round, within the last twelve months."""
    now = now or timezone.now()
    round_ = current_round(timezone.localdate(now))
    if round_ is not None:
        return start_of_day(round_.opens_on)
    return now - UP_TO_DATE_WINDOW


def inventory_up_to_date_share(period=None) -> float:
    """Percent of active wijkraden whose channel inventory is up to date (indicator rec 5), on
    the day of measuring (the period does not change what "up to date" means)."""
    cutoff = up_to_date_cutoff(period.now if period is not None else None)
    councils = NeighbourhoodCouncil.objects.active()
    total = councils.count()
    if not total:
        return 0.0
    current = councils.filter(channel_inventory__checked_at__gte=cutoff).count()
    return round(100 * current / total, 1)


def board_councils(user) -> list[NeighbourhoodCouncil]:
    """The wijkraden whose inventory this user keeps as a board member."""
    ids = current_council_ids(user, board_only=True)
    return list(NeighbourhoodCouncil.objects.filter(pk__in=ids)) if ids else []


def council_channels(council: NeighbourhoodCouncil) -> list[Channel]:
    return list(
        Channel.objects.filter(council=council)
        .with_contact_available()
        .select_related("kind")
        .order_by("kind__order", "name")
    )


def entries(*, query: str = "", tag: str = "", kind: str = "", channel_kind: str = ""):
    qs = KnowHowEntry.objects.select_related("council", "author").prefetch_related("tags")
    query = (query or "").strip()[:100]
    if query:
        qs = qs.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(body__icontains=query)
            | Q(tags__name__icontains=query)
        ).distinct()
    if tag:
        qs = qs.filter(tags__slug=tag)
    if kind:
        qs = qs.filter(kind=kind)
    if channel_kind:
        qs = qs.filter(channel_kinds__slug=channel_kind)
    return qs.order_by("-published_at", "-pk")


def entry_detail(slug: str) -> KnowHowEntry:
    entries = KnowHowEntry.objects.select_related("council", "author").prefetch_related(
        "tags", "channel_kinds", Prefetch("attachments")
    )
    try:
        return entries.get(slug=slug)
    except KnowHowEntry.DoesNotExist as error:
        raise NotFound from error


def export_rows():
    return (
        Channel.objects.of_active_councils()
        .with_contact_available()
        .select_related("council", "council__district", "kind")
        .order_by("council__name", "kind__order", "name")
    )


def search_entries(query: str, user) -> list[SearchHit]:
    """Search (/zoeken/): know-how entries (all public) whose title, summary or text match.
    One query."""
    found = matching(KnowHowEntry.objects.all(), query, ("title", "summary", "body"))
    return [
        SearchHit(entry.title, entry.get_absolute_url(), snippet(entry.summary, query))
        for entry in found[:RESULTS_PER_SOURCE]
    ]
