"""Progress digests: per user, what changed since their previous digest in what they follow.

Apps contribute sections through `DigestSection` plugins, where
`section(users, since_by_user, until)` returns `{user_id: [DigestItem, ...]}` and runs a
constant number of bulk queries for the whole batch. `digest_batches(now)` splits the users
whose digest is due into batches of user ids; `digest_batch_send(user_ids=..., now=...)` builds
one batch and writes one outbox row per non-empty digest, with occasion
`digest:<frequency>:<period start>`. A batch looks again at which of its users are still due,
so a batch run twice (or two racing runs) still gives one digest per user and period. The due
work (due.py) runs each batch as its own task; `digests_queue(now)` runs them all here."""

from __future__ import annotations

import datetime
import logging
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User
from wijkportaal.core.registry import registry

from .hooks import DigestSection, Due
from .models import DigestFrequency, NotificationPreference
from .outbox import notifications_queue
from .preferences import DIGEST_KIND, frequency_expression

logger = logging.getLogger(__name__)

# Users per batch task: small enough that more worker processes share the work, large enough
# that the bulk queries per batch stay few compared with the mail they write.
BATCH_SIZE = 250
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
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .annotate(
            frequency=frequency_expression(),
            last_digest=F("notification_preference__last_digest_at"),
        )
    )


def users_due(periods: dict[str, datetime.date]) -> QuerySet[User]:
    """The users whose digest of one of these periods has not been built yet."""
    condition = Q(pk__in=[])
    for frequency, start in periods.items():
        condition |= Q(frequency=frequency) & (
            Q(last_digest__isnull=True) | Q(last_digest__lt=send_moment(start))
        )
    return users_with_frequency().filter(condition)


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


def digest_batch_send(*, user_ids: list[int], now: datetime.datetime) -> int:
    """Build and queue the digests due at `now` of this batch of users, in one transaction,
    and note that their digest was built, also when it was empty (then nothing is sent).
    Users whose digest an earlier or a racing run built are left out. Returns the number of
    digests queued."""
    periods = due_periods(now)
    if not periods:
        return 0
    # Digests are Dutch whatever language the caller (a request, a worker) has active.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        users = list(users_due(periods).filter(pk__in=user_ids).order_by("pk"))
        if not users:
            return 0
        since_by_user = {user.pk: _since_for(user, now) for user in users}
        items = digest_items_build(users, since_by_user, now)
        dues = []
        for user in users:
            user_items = items[user.pk]
            if not any(item.change for item in user_items):
                continue  # nothing changed: no email, no row
            dues.append(
                Due(
                    user.pk,
                    DIGEST_KIND,
                    digest_occasion(user.frequency, periods[user.frequency]),
                    context={
                        "groups": digest_groups(user_items),
                        "change_count": sum(1 for item in user_items if item.change),
                        "since": since_by_user[user.pk],
                        "until": now,
                        "frequency": user.frequency,
                        "digest_title": FREQUENCY_TITLES[user.frequency],
                    },
                )
            )
        queued = len(notifications_queue(dues, recipients=users))
        _mark_digest_built([user.pk for user in users], now)
    return queued


def _mark_digest_built(user_ids: list[int], until: datetime.datetime) -> None:
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user_id=user_id, digest_frequency="") for user_id in user_ids],
        ignore_conflicts=True,
    )
    NotificationPreference.objects.filter(user_id__in=user_ids).update(last_digest_at=until)


def digest_batches(now: datetime.datetime, *, batch_size: int = BATCH_SIZE) -> list[list[int]]:
    """The ids of the users whose digest is due at `now`, in batches (one query)."""
    periods = due_periods(now)
    if not periods or not registry.all(DigestSection):
        return []
    user_ids = list(users_due(periods).order_by("pk").values_list("pk", flat=True))
    return [user_ids[i : i + batch_size] for i in range(0, len(user_ids), batch_size)]


def digests_queue(now: datetime.datetime, *, batch_size: int = BATCH_SIZE) -> int:
    """Queue every digest that is due at `now`, batch after batch in this process
    (idempotent). Returns the number queued."""
    return sum(
        digest_batch_send(user_ids=user_ids, now=now)
        for user_ids in digest_batches(now, batch_size=batch_size)
    )
