"""Reminders of support, sent through the outbox: a request without an answer after ten
working days (weekends and public holidays do not count) goes to its handler, or to every
officer while it has none."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User
from wijkportaal.core.workdays import add_working_days
from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource

from .models import SUPPORT_OPEN, SupportRequest

SUPPORT_ANSWER_WORKING_DAYS = 10

# The template is shared by the reminders of all sub-apps (contracts/email/reminder).
TEMPLATE = "contracts/email/reminder"


def find_support_unanswered(now: datetime.datetime):
    cutoff = add_working_days(timezone.localdate(now), -SUPPORT_ANSWER_WORKING_DAYS)
    requests = list(
        SupportRequest.objects.filter(
            status__in=SUPPORT_OPEN, created_at__date__lte=cutoff
        ).select_related("council")
    )
    officers = []
    if any(support_request.handler_id is None for support_request in requests):
        officers = list(User.objects.active_officers().values_list("pk", flat=True))
    for support_request in requests:
        for recipient in [support_request.handler_id] if support_request.handler_id else officers:
            yield Due(
                recipient,
                "contracts.support_unanswered",
                f"support:{support_request.pk}:10wd",
                about=support_request,
                context={
                    "reminder": "support_unanswered",
                    "title": support_request.subject,
                    "council_name": support_request.council.name,
                    "link": settings.SITE_URL
                    + reverse("contracts:supportrequest-detail", args=[support_request.pk]),
                },
            )


PLUGINS = [
    NotificationKind(
        "contracts.support_unanswered",
        _("Een ondersteuningsvraag is na tien werkdagen nog niet beantwoord"),
        TEMPLATE,
    ),
    ReminderSource("contracts.support_unanswered", find_due=find_support_unanswered),
]
