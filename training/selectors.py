"""Reads of the training programme and the conference: a constant number of queries each."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, Sum, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from recommendations.models import ActionItem
from wijkportaal.core import pagecache
from wijkportaal.core.dates import start_of_day
from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import Period
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.wijkraden.models import District, InventoryRound, Membership, NeighbourhoodCouncil

from .models import (
    ROUND_KIND,
    Conference,
    ConferenceRegistration,
    ConferenceStatus,
    Enrolment,
    Module,
    SeatStatus,
    Session,
    Topic,
    TopicRank,
    WishAnswer,
)


def training_rounds():
    return InventoryRound.objects.filter(kind=ROUND_KIND).order_by("-deadline")


def latest_round(today=None) -> InventoryRound | None:
    today = today or timezone.localdate()
    return training_rounds().filter(opens_on__lte=today).first()


PROGRAMME_SESSIONS = 5


def programme(now=None):
    """Modules with their first few upcoming sessions (seat counts annotated) and the number of
    upcoming sessions in all (`upcoming_count`); the module's own page lists the rest, so the
    programme stays small however many sessions are planned."""
    now = now or timezone.now()
    sessions = Session.objects.upcoming(now).with_counts().order_by("starts_at", "pk")
    return (
        Module.objects.annotate(
            upcoming_count=Count("sessions", filter=Q(sessions__starts_at__gte=now))
        )
        .prefetch_related(
            Prefetch(
                "sessions", queryset=sessions[:PROGRAMME_SESSIONS], to_attr="upcoming_sessions"
            ),
            "recommendations",
            "topics",
        )
        .order_by(F("onboarding_position").asc(nulls_last=True), "title")
    )


def onboarding_path():
    """The modules of the onboarding path, in their order (titles for the programme page)."""
    return Module.objects.filter(onboarding_position__isnull=False).order_by(
        "onboarding_position", "title"
    )


def module_detail(slug: str, now=None) -> Module:
    """One module with its upcoming sessions, topics, recommendations and the conferences it is
    part of. A constant number of queries."""
    now = now or timezone.now()
    sessions = Session.objects.upcoming(now).with_counts().order_by("starts_at", "pk")
    # Where the module comes from: the workgroups' published deliverables (the model is reached
    # through the relation, so this app imports nothing from the workgroups app).
    deliverable_model = Module._meta.get_field("deliverables").related_model
    deliverables = (
        deliverable_model.objects.filter(published_at__isnull=False)
        .select_related("workgroup")
        .order_by("workgroup__name", "due_date", "pk")
    )
    try:
        return Module.objects.prefetch_related(
            Prefetch("sessions", queryset=sessions, to_attr="upcoming_sessions"),
            "recommendations",
            "topics",
            Prefetch("conferences", queryset=Conference.objects.order_by("-starts_at")),
            Prefetch("deliverables", queryset=deliverables, to_attr="origin"),
        ).get(slug=slug)
    except Module.DoesNotExist as error:
        raise NotFound from error


def onboarding_modules():
    return Module.objects.filter(onboarding_position__isnull=False).order_by(
        "onboarding_position", "title"
    )


def session_detail(pk: int) -> Session:
    try:
        return (
            Session.objects.with_counts()
            .select_related("module")
            .prefetch_related("module__recommendations", "module__topics")
            .get(pk=pk)
        )
    except Session.DoesNotExist as error:
        raise NotFound from error


def session_attendance(session: Session):
    return session.enrolments.filter(status=SeatStatus.ENROLLED).select_related("person")


@dataclass
class TopicTotal:
    topic: Topic
    mentions: int = 0
    points: int = 0
    first_places: int = 0


def _answers(round: InventoryRound):  # noqa: A002
    return (
        WishAnswer.objects.filter(round=round)
        .select_related("council")
        .prefetch_related("ranks")
        .order_by("council__name")
    )


def _totals(topics: list[Topic], answers) -> list[TopicTotal]:
    totals = {topic.pk: TopicTotal(topic) for topic in topics}
    size = len(topics)
    for answer in answers:
        for rank in answer.ranks.all():
            total = totals.get(rank.topic_id)
            if total is None:
                continue
            total.mentions += 1
            # Borda count: first place earns as many points as there are topics.
            total.points += size + 1 - rank.rank
            total.first_places += rank.rank == 1
    return list(totals.values())


def response_rate(round: InventoryRound) -> tuple[int, int, int]:  # noqa: A002
    """(answered, asked, percent) for a round: the share of active wijkraden that answered."""
    asked = NeighbourhoodCouncil.objects.active().count()
    answered = WishAnswer.objects.filter(round=round, council__active=True).count()
    percent = round_half_up(100 * answered / asked) if asked else 0
    return answered, asked, percent


def round_half_up(value: float) -> int:
    return int(value + 0.5)


# The public summary counts the round's answers (training) over the active wijkraden
# (wijkraden): kept under these scopes' page-cache versions, so any write there counts again.
SUMMARY_SCOPES = ("training", "wijkraden")


def inventory_summary(round: InventoryRound) -> dict:  # noqa: A002
    """What anyone may see: totals per topic, without the names of wijkraden. Kept in the
    cache until the next write to the training or wijkraden data (one cache read when warm)."""
    return pagecache.fragment(
        "training:inventory-summary",
        SUMMARY_SCOPES,
        lambda: _inventory_summary(round),
        vary=(round.pk,),
    )


def _inventory_summary(round: InventoryRound) -> dict:  # noqa: A002
    topics = list(round.training_topics.all())
    # Counted in the database, as _totals does it in Python: the page stays quick with
    # every wijkraad answered.
    by_topic = {topic: rest for topic, *rest in _rank_totals(round, topics, ("topic_id",))}
    totals = sorted(
        (TopicTotal(topic, *by_topic.get(topic.pk, (0, 0, 0))) for topic in topics),
        key=lambda t: (-t.points, t.topic.order),
    )
    answered, asked, percent = response_rate(round)
    return {
        "totals": totals,
        "answered": answered,
        "asked": asked,
        "percent": percent,
        "own_wishes_count": WishAnswer.objects.filter(round=round).exclude(own_wishes="").count(),
    }


def _rank_totals(round: InventoryRound, topics: list[Topic], group_by: tuple, **filters):  # noqa: A002
    """(group..., mentions, points, first places) of the round's ranks, grouped by `group_by`
    (fields of TopicRank). Points are a Borda count, as in _totals: first place earns as many
    points as there are topics."""
    return (
        TopicRank.objects.filter(answer__round=round, topic__in=topics, **filters)
        .order_by()
        .values_list(*group_by)
        .annotate(
            mentions=Count("pk"),
            points=Sum(Value(len(topics) + 1) - F("rank")),
            first_places=Count("pk", filter=Q(rank=1)),
        )
    )


def inventory_matrix_by_district(round: InventoryRound) -> dict:  # noqa: A002
    """For officers, the overview: per stadsdeel how many active wijkraden answered and, per
    topic, how many named it and its points; the totals over all stadsdelen. A constant number
    of queries, counted in the database (not one row per wijkraad)."""
    topics = list(round.training_topics.all())
    active = NeighbourhoodCouncil.objects.active()
    asked = dict(active.order_by().values_list("district_id").annotate(n=Count("pk")))
    answered = dict(
        WishAnswer.objects.filter(round=round, council__active=True)
        .order_by()
        .values_list("council__district_id")
        .annotate(n=Count("pk"))
    )
    ranks = _rank_totals(
        round,
        topics,
        ("answer__council__district_id", "topic_id"),
        answer__council__active=True,
    )
    cells = {(district, topic): (m, p, f) for district, topic, m, p, f in ranks}
    overall = {topic.pk: TopicTotal(topic) for topic in topics}
    rows = []
    for district in District.objects.filter(pk__in=asked).order_by("name"):
        totals = []
        for topic in topics:
            mentions, points, first = cells.get((district.pk, topic.pk), (0, 0, 0))
            totals.append(TopicTotal(topic, mentions, points, first))
            overall[topic.pk].mentions += mentions
            overall[topic.pk].points += points
            overall[topic.pk].first_places += first
        rows.append(
            {
                "district": district,
                "asked": asked[district.pk],
                "answered": answered.get(district.pk, 0),
                "totals": totals,
            }
        )
    answered_all, asked_all, percent = response_rate(round)
    return {
        "topics": topics,
        "district_rows": rows,
        "totals": list(overall.values()),
        "answered": answered_all,
        "asked": asked_all,
        "percent": percent,
    }


def inventory_district_councils(district: District):
    """The active wijkraden of one stadsdeel, by name (the matrix pages through them)."""
    return NeighbourhoodCouncil.objects.active().filter(district=district).order_by("name", "pk")


def inventory_matrix(round: InventoryRound, councils=None) -> dict:  # noqa: A002
    """For officers: one row per wijkraad (all active ones, or the given page of one
    stadsdeel) with the place it gave each topic; totals over those wijkraden."""
    topics = list(round.training_topics.all())
    if councils is None:
        councils = NeighbourhoodCouncil.objects.active().order_by("name")
        answers = {answer.council_id: answer for answer in _answers(round)}
    else:
        councils = list(councils)
        answers = {
            answer.council_id: answer
            for answer in _answers(round).filter(council__in=[c.pk for c in councils])
        }
    rows = []
    for council in councils:
        answer = answers.get(council.pk)
        by_topic = {rank.topic_id: rank.rank for rank in answer.ranks.all()} if answer else {}
        rows.append(
            {
                "council": council,
                "answer": answer,
                "cells": [by_topic.get(topic.pk) for topic in topics],
            }
        )
    answered, asked, percent = response_rate(round)
    return {
        "topics": topics,
        "rows": rows,
        "totals": _totals(topics, answers.values()),
        "answered": answered,
        "asked": asked,
        "percent": percent,
    }


def answer_for(round: InventoryRound, council: NeighbourhoodCouncil) -> WishAnswer | None:  # noqa: A002
    return (
        WishAnswer.objects.filter(round=round, council=council)
        .prefetch_related(Prefetch("ranks", queryset=TopicRank.objects.select_related("topic")))
        .select_related("answered_by")
        .first()
    )


def my_training(user, now=None) -> dict:
    """The member's onboarding path with progress, and their enrolments."""
    now = now or timezone.now()
    enrolments = list(
        Enrolment.objects.filter(person=user)
        .exclude(status=SeatStatus.CANCELLED)
        .select_related("session__module")
        .order_by("session__starts_at")
    )
    attended_modules = {e.session.module_id for e in enrolments if e.attended}
    planned = {
        e.session.module_id: e.session
        for e in enrolments
        if e.status == SeatStatus.ENROLLED and e.session.starts_at >= now
    }
    path = [
        {
            "module": module,
            "attended": module.pk in attended_modules,
            "planned": planned.get(module.pk),
        }
        for module in onboarding_modules()
    ]
    return {
        "path": path,
        "done": sum(1 for step in path if step["attended"]),
        "upcoming": [e for e in enrolments if e.session.starts_at >= now],
        "attended": [e for e in enrolments if e.attended],
    }


# --- conference -----------------------------------------------------------------------------


def conferences():
    return Conference.objects.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=SeatStatus.ENROLLED), distinct=True
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=SeatStatus.WAITING), distinct=True
        ),
    ).order_by("-starts_at")


def current_conference(now=None) -> Conference | None:
    """The next edition; when none is planned, the latest one."""
    now = now or timezone.now()
    upcoming = (
        conferences()
        .filter(ends_at__gte=now, status=ConferenceStatus.PLANNED)
        .order_by("starts_at")
        .first()
    )
    return upcoming or conferences().first()


def conference_detail(slug: str) -> Conference:
    """One edition with its programme, organisers, linked modules, attendance and steps."""
    try:
        return (
            conferences()
            .prefetch_related(
                "programme",
                "delegation",
                "modules",
                "councils_represented",
                "councillors_present",
                "transitions",
            )
            .get(slug=slug)
        )
    except Conference.DoesNotExist as error:
        raise NotFound from error


def my_registration(conference: Conference, user) -> ConferenceRegistration | None:
    if not user.is_authenticated:
        return None
    return ConferenceRegistration.objects.filter(conference=conference, person=user).first()


def conferences_held(period: Period) -> int:
    """Indicator of recommendation 8: conferences an officer recorded as held (which needs
    their date to have passed) that began within the period. A planned or cancelled one never
    counts. One query."""
    return Conference.objects.filter(
        status=ConferenceStatus.HELD,
        starts_at__gte=start_of_day(period.start),
        starts_at__lt=start_of_day(period.end + datetime.timedelta(days=1)),
        ends_at__lte=period.now,
    ).count()


def attended_share(period: Period) -> float | None:
    """Indicator of recommendation 3: the percentage of active wijkraden of which at least one
    member (a seat held at some time in the period) attended a training session that took
    place in the period, attendance recorded by the trainer. Two queries."""
    total = NeighbourhoodCouncil.objects.active().count()
    if not total:
        return None
    end = min(start_of_day(period.end + datetime.timedelta(days=1)), period.now)
    # The attendees first (a subquery the database runs once), then their seats.
    attendees = Enrolment.objects.filter(
        attended=True,
        session__starts_at__gte=start_of_day(period.start),
        session__starts_at__lt=end,
    ).values("person_id")
    reached = (
        Membership.objects.filter(
            Q(end__isnull=True) | Q(end__gte=period.start),
            council__active=True,
            start__lte=period.until,
            person_id__in=attendees,
        )
        .values("council_id")
        .distinct()
        .count()
    )
    return round(100 * reached / total, 1)


# --- links on the progress pages ------------------------------------------------------------

ACTION_KEYS = ("scholingsprogramma", "wijkradenconferentie")


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    links = {}
    for pk, key in ActionItem.objects.filter(pk__in=action_ids, key__in=ACTION_KEYS).values_list(
        "pk", "key"
    ):
        if key == "scholingsprogramma":
            links[pk] = [
                {
                    "label": _("Scholingsprogramma"),
                    "url": reverse("training:index"),
                    "kind": "programma",
                }
            ]
        else:
            links[pk] = [
                {
                    "label": _("Wijkradenconferentie"),
                    "url": reverse("training:conference-index"),
                    "kind": "conferentie",
                }
            ]
    return links


# --- Search (/zoeken/): the training programme is public -------------------------------------


def search_modules(query: str, user) -> list[SearchHit]:
    """Training modules whose title or learning goals match: one query."""
    found = matching(Module.objects.all(), query, ("title", "goals"))
    return [
        SearchHit(module.title, module.get_absolute_url(), snippet(module.goals, query))
        for module in found[:RESULTS_PER_SOURCE]
    ]


def search_sessions(query: str, user) -> list[SearchHit]:
    """Sessions whose module, place or trainer match: one query."""
    found = matching(
        Session.objects.select_related("module"),
        query,
        ("module__title", "location", "trainer"),
    )
    hits = []
    for session in found[:RESULTS_PER_SOURCE]:
        when = date_format(timezone.localtime(session.starts_at), "j F Y, H:i")
        place = f" · {session.location}" if session.location else ""
        hits.append(
            SearchHit(
                f"{session.module.title} — {when}",
                session.get_absolute_url(),
                snippet(f"{session.trainer}{place}", query),
            )
        )
    return hits
