"""Progress digests: per user, what changed since their previous digest in what they follow.

Apps contribute sections through `DigestSection` plugins,
where `section(users, since_by_user, until)` returns `{user_id: [DigestItem, ...]}` and runs a
constant number of bulk queries for the whole batch. `digests_queue(now)` (called by the
periodic due-work) finds the users whose digest is due, builds their digests batch by batch and
writes one outbox row per non-empty digest, with occasion `digest:<frequency>:<period start>`,
so running it twice (or two racing runs) still gives one digest per user and period."""

from __future__ import annotations

import datetime
import logging
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import STAFF_KINDS, User
from wijkportaal.core.registry import registry

from .hooks import DigestSection, Due
from .models import DigestFrequency, NotificationPreference

logger = logging.getLogger(__name__)

DIGEST_KIND = "digest"
BATCH_SIZE = 500
PERIODIC = (DigestFrequency.DAILY, DigestFrequency.WEEKLY, DigestFrequency.MONTHLY)


@dataclass(frozen=True)
class DigestItem:
    """One line of a digest, grouped under a heading (e.g. a recommendation)."""

    group_key: tuple  # sorts the groups, e.g. (10, 3) for recommendation 3
    group_title: str
    group_url: str
    label: str  # what happened, e.g. "Nieuw voortgangsbericht"
    title: str  # about what, e.g. the action's title
    url: str
    text: str = ""
    change: bool = True  # False for reminders such as coming deadlines: alone they send nothing
    when_label: str = ""  # the date as shown, formatted once per change, not per reader
    order: tuple = field(default=())


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def default_frequency(user: User) -> str:
    """Daily for officers and administrators, weekly for everyone else."""
    if user.kind in STAFF_KINDS or user.is_superuser:
        return DigestFrequency.DAILY
    return DigestFrequency.WEEKLY


def period_start(frequency: str, day: datetime.date) -> datetime.date:
    if frequency == DigestFrequency.WEEKLY:
        return day - datetime.timedelta(days=day.weekday())
    if frequency == DigestFrequency.MONTHLY:
        return day.replace(day=1)
    return day


def previous_period_start(frequency: str, start: datetime.date) -> datetime.date:
    if frequency == DigestFrequency.WEEKLY:
        return start - datetime.timedelta(days=7)
    if frequency == DigestFrequency.MONTHLY:
        return (start - datetime.timedelta(days=1)).replace(day=1)
    return start - datetime.timedelta(days=1)


def send_moment(day: datetime.date) -> datetime.datetime:
    """The moment a digest of a period starting on `day` goes out: DIGEST_HOUR local time."""
    hour = getattr(settings, "DIGEST_HOUR", 7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=local_zone())


def due_periods(now: datetime.datetime) -> dict[str, datetime.date]:
    """For each frequency whose send moment in the current period has passed: the period's
    first day. Weekly periods start on Monday, monthly ones on the 1st."""
    today = now.astimezone(local_zone()).date()
    due = {}
    for frequency in PERIODIC:
        start = period_start(frequency, today)
        if now >= send_moment(start):
            due[frequency] = start
    return due


def digest_occasion(frequency: str, start: datetime.date) -> str:
    return f"digest:{frequency}:{start.isoformat()}"


def users_with_frequency() -> QuerySet[User]:
    """Active users with an address, annotated with `frequency` (their preference or the
    default for their kind) and `last_digest` (when their previous digest was built)."""
    default = Case(
        When(Q(kind__in=STAFF_KINDS) | Q(is_superuser=True), then=Value(DigestFrequency.DAILY)),
        default=Value(DigestFrequency.WEEKLY),
        output_field=CharField(),
    )
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .annotate(
            frequency=Coalesce(
                NullIf(F("notification_preference__digest_frequency"), Value("")), default
            ),
            last_digest=F("notification_preference__last_digest_at"),
        )
    )


def digest_items_build(
    users: list[User], since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    """Ask every registered section for its items; a constant number of queries per batch."""
    items: dict[int, list[DigestItem]] = {user.pk: [] for user in users}
    for section_plugin in registry.all(DigestSection):
        name, section = section_plugin.key, section_plugin.build
        for user_id, section_items in section(users, since_by_user, until).items():
            if user_id in items:
                items[user_id].extend(section_items)
        logger.debug("digest section %s done", name)
    return items


def digest_groups(items: list[DigestItem]) -> list[dict]:
    """Items grouped under their heading, groups and items in a stable order."""
    groups: dict[tuple, dict] = {}
    for item in sorted(items, key=lambda i: (i.group_key, i.order, i.title)):
        group = groups.setdefault(
            item.group_key, {"title": item.group_title, "url": item.group_url, "items": []}
        )
        group["items"].append(item)
    return list(groups.values())


FREQUENCY_TITLES = {
    DigestFrequency.DAILY: _("Uw dagelijkse voortgangsoverzicht"),
    DigestFrequency.WEEKLY: _("Uw wekelijkse voortgangsoverzicht"),
    DigestFrequency.MONTHLY: _("Uw maandelijkse voortgangsoverzicht"),
}


def _since_for(user: User, until: datetime.datetime) -> datetime.datetime:
    if user.last_digest is not None:
        return user.last_digest
    start = period_start(user.frequency, until.astimezone(local_zone()).date())
    return send_moment(previous_period_start(user.frequency, start))


def digest_batch_queue(
    users: list[User], until: datetime.datetime, periods: dict[str, datetime.date]
) -> int:
    """Build and queue the digests of one batch of users (annotated as by
    users_with_frequency) in one transaction, and note that their digest was built, also when
    it was empty (then nothing is sent). Returns the number of digests queued."""
    from .services import notifications_queue

    # Digests are Dutch whatever language the caller (a request, a worker) has active.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        since_by_user = {user.pk: _since_for(user, until) for user in users}
        items = digest_items_build(users, since_by_user, until)
        dues = []
        for user in users:
            user_items = items[user.pk]
            if not any(item.change for item in user_items):
                continue  # nothing changed: no email, no row
            groups = digest_groups(user_items)
            dues.append(
                Due(
                    user.pk,
                    DIGEST_KIND,
                    digest_occasion(user.frequency, periods[user.frequency]),
                    context={
                        "groups": groups,
                        "change_count": sum(1 for item in user_items if item.change),
                        "since": since_by_user[user.pk],
                        "until": until,
                        "frequency": user.frequency,
                        "digest_title": FREQUENCY_TITLES[user.frequency],
                    },
                )
            )
        queued = len(notifications_queue(dues, recipients=users))
        _mark_digest_built([user.pk for user in users], until)
    return queued


def _mark_digest_built(user_ids: list[int], until: datetime.datetime) -> None:
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user_id=user_id, digest_frequency="") for user_id in user_ids],
        ignore_conflicts=True,
    )
    NotificationPreference.objects.filter(user_id__in=user_ids).update(last_digest_at=until)


def digests_queue(now: datetime.datetime, *, batch_size: int = BATCH_SIZE) -> int:
    """Queue the digests that are due at `now` (idempotent). Returns the number queued."""
    periods = due_periods(now)
    if not periods or not registry.all(DigestSection):
        return 0
    condition = Q(pk__in=[])
    for frequency, start in periods.items():
        condition |= Q(frequency=frequency) & (
            Q(last_digest__isnull=True) | Q(last_digest__lt=send_moment(start))
        )
    due_users = users_with_frequency().filter(condition).order_by("pk")
    queued = 0
    last_pk = 0
    while True:
        batch = list(due_users.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return queued
        last_pk = batch[-1].pk
        queued += digest_batch_queue(batch, now, periods)
