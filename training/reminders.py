"""Notification kinds and reminder finders of the training programme and the conference.

Each finder runs a constant number of queries and yields occasions with stable keys, so running
the due-work twice gives one message per person and occasion."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.wijkraden.models import InventoryRound, Membership

from .models import ROUND_KIND, ConferenceRegistration, Enrolment, SeatStatus, WishAnswer
from .services import absolute_url, conference_mail_context, session_mail_context

INVENTORY_DAYS = 5
SESSION_DAYS = 2
CONFERENCE_DAYS = 7

KINDS = [
    # To everyone registered or waiting, and the co-organising wijkraden's boards.
    NotificationKind(
        "training.conference_cancelled",
        _("De wijkradenconferentie gaat niet door"),
        "training/email/conference_cancelled",
        optional=False,
    ),
    NotificationKind(
        "training.enrolment",
        _("Bevestiging van inschrijving voor scholing"),
        "training/email/enrolment",
        optional=False,
    ),
    NotificationKind(
        "training.conference_registration",
        _("Bevestiging van aanmelding voor de conferentie"),
        "training/email/conference_registration",
        optional=False,
    ),
    NotificationKind(
        "training.promoted",
        _("Doorgeschoven van de wachtlijst"),
        "training/email/promoted",
        optional=False,
    ),
    NotificationKind(
        "training.inventory_deadline",
        _("Herinnering: scholingsinventarisatie invullen"),
        "training/email/inventory_deadline",
    ),
    NotificationKind(
        "training.session_reminder",
        _("Herinnering: scholing over twee dagen"),
        "training/email/session_reminder",
    ),
    NotificationKind(
        "training.conference_reminder",
        _("Herinnering: wijkradenconferentie over een week"),
        "training/email/conference_reminder",
    ),
]


def inventory_deadline_due(now: datetime.datetime):
    """Boards of wijkraden that have not answered a round whose deadline is within 5 days."""
    today = timezone.localdate(now)
    rounds = list(InventoryRound.objects.closing_within(ROUND_KIND, today, INVENTORY_DAYS))
    if not rounds:
        return
    answered = set(
        WishAnswer.objects.filter(round__in=rounds).values_list("round_id", "council_id")
    )
    seats = list(
        Membership.objects.current(today)
        .board()
        .filter(council__active=True)
        .select_related("council")
        .order_by("council_id", "person_id")
    )
    for round_ in rounds:
        url = absolute_url(reverse("training:inventory-detail", kwargs={"slug": round_.slug}))
        for seat in seats:
            if (round_.pk, seat.council_id) in answered:
                continue
            yield Due(
                seat.person_id,
                "training.inventory_deadline",
                f"inventory:{round_.pk}:{seat.council_id}:{INVENTORY_DAYS}d",
                about=round_,
                context={
                    "title": round_.title,
                    "council": seat.council.name,
                    "deadline": formats.date_format(round_.deadline, "DATE_FORMAT"),
                    "url": url,
                },
            )


def session_soon_due(now: datetime.datetime):
    """Everyone with a seat in a session that starts within two days."""
    enrolments = Enrolment.objects.filter(
        status=SeatStatus.ENROLLED,
        session__starts_at__gt=now,
        session__starts_at__lte=now + datetime.timedelta(days=SESSION_DAYS),
    ).select_related("session__module")
    for enrolment in enrolments:
        yield Due(
            enrolment.person_id,
            "training.session_reminder",
            f"session:{enrolment.session_id}:{SESSION_DAYS}d",
            about=enrolment.session,
            context=session_mail_context(enrolment.session),
        )


def conference_soon_due(now: datetime.datetime):
    """Everyone registered for a conference that starts within a week."""
    registrations = ConferenceRegistration.objects.filter(
        status=SeatStatus.ENROLLED,
        conference__starts_at__gt=now,
        conference__starts_at__lte=now + datetime.timedelta(days=CONFERENCE_DAYS),
    ).select_related("conference")
    for registration in registrations:
        yield Due(
            registration.person_id,
            "training.conference_reminder",
            f"conference:{registration.conference_id}:{CONFERENCE_DAYS}d",
            about=registration.conference,
            context=conference_mail_context(registration.conference),
        )


PLUGINS = [
    *KINDS,
    ReminderSource("training.inventory_deadline", find_due=inventory_deadline_due),
    ReminderSource("training.session_soon", find_due=session_soon_due),
    ReminderSource("training.conference_soon", find_due=conference_soon_due),
]
