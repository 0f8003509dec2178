"""Reminder for inventory rounds: five days before the deadline, the board of every active
wijkraad that has not updated its channel inventory since the round opened gets a message."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.dates import start_of_day
from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.wijkraden.models import InventoryRound, Membership, NeighbourhoodCouncil

from .models import ROUND_KIND

REMINDER_KIND = "toolkit_inventory_reminder"
DAYS_BEFORE = 5


def find_due(now: datetime.datetime) -> Iterator[Due]:
    """Three queries whatever the number of wijkraden: rounds, wijkraden behind, boards."""
    today = timezone.localdate(now)
    rounds = list(InventoryRound.objects.closing_within(ROUND_KIND, today, DAYS_BEFORE))
    if not rounds:
        return
    # The newest round that is due decides; older overlapping rounds add nothing new.
    round_ = max(rounds, key=lambda r: (r.opens_on, r.pk))
    opened = start_of_day(round_.opens_on)
    behind = {
        council.pk: council
        for council in NeighbourhoodCouncil.objects.active().filter(
            Q(channel_inventory__isnull=True) | Q(channel_inventory__checked_at__lt=opened)
        )
    }
    if not behind:
        return
    boards = (
        Membership.objects.current(today)
        .board()
        .filter(council_id__in=behind, person__is_active=True)
        .values_list("person_id", "council_id")
    )
    for person_id, council_id in boards:
        council = behind[council_id]
        yield Due(
            recipient_id=person_id,
            kind=REMINDER_KIND,
            occasion=f"toolkit-round:{round_.pk}:{council_id}:{DAYS_BEFORE}d",
            about=round_,
            context={
                "council": council,
                "round": round_,
                "url": settings.SITE_URL
                + reverse("toolkit:inventory-detail", kwargs={"slug": council.slug}),
            },
        )


PLUGINS = [
    NotificationKind(
        REMINDER_KIND,
        _("Herinnering: kanaleninventaris bijwerken"),
        "toolkit/email/inventory_reminder",
    ),
    ReminderSource("toolkit.inventory_round", find_due=find_due),
]
