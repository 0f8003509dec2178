"""The desk's kinds of mail and its due work.

Every kind may be switched off per user on /mijn/meldingen/, except the answer to one's own
case (and the note that one's own case was closed without an answer). The due work, run by
the notifications app every few minutes (and by `manage.py send_due_notifications --now ...`):

- due soon: two working days before the answer-by date, to the assignee (nobody assigned:
  the department's officers), once per case;
- escalation: the day after the answer-by date passed without an answer, to the department's
  head (no head: its mailbox; no mailbox: its officers), once per case.

Both note what they sent in the case's history and on the case itself, in the same
transaction as the outbox rows, so a second run (or two racing runs) sends nothing."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.mail import Due, NotificationKind
from wijkportaal.core.workdays import add_working_days
from wijkportaal.notifications.hooks import ReminderSource

from . import services
from .models import Case

REMIND_WORKING_DAYS_BEFORE = 2
# Look no further ahead than this many calendar days for cases to remind (two working days
# before a date are at most this far back, with a long holiday weekend in between).
_REMIND_HORIZON = datetime.timedelta(days=10)


def _locked_open_cases():
    # skip_locked: a case another run is noting right now is that run's to send.
    return Case.objects.open().select_for_update(skip_locked=True, of=("self",)).order_by("pk")


def due_soon(now: datetime.datetime) -> list[Due]:
    """Open cases whose answer-by date is two working days away or closer, not reminded yet."""
    today = timezone.localdate(now)
    cases = [
        case
        for case in _locked_open_cases().filter(
            reminded_at__isnull=True, answer_by__gte=today, answer_by__lte=today + _REMIND_HORIZON
        )
        if add_working_days(case.answer_by, -REMIND_WORKING_DAYS_BEFORE) <= today
    ]
    return services.cases_remind(cases=cases, now=now)


def escalations(now: datetime.datetime) -> list[Due]:
    """Open cases past their answer-by date, not escalated yet."""
    today = timezone.localdate(now)
    cases = list(_locked_open_cases().filter(escalated_at__isnull=True, answer_by__lt=today))
    return services.cases_escalate(cases=cases, now=now)


PLUGINS = [
    NotificationKind(
        services.RECEIPT, _("Bevestiging van mijn verzoek"), "desk/email/receipt", order=60
    ),
    NotificationKind(
        services.NEW_CASE, _("Nieuw verzoek voor mijn afdeling"), "desk/email/new_case", order=61
    ),
    NotificationKind(
        services.ASSIGNED, _("Verzoek aan mij toegewezen"), "desk/email/assigned", order=62
    ),
    NotificationKind(
        services.ANSWER_OWN,
        _("Antwoord op mijn verzoek"),
        "desk/email/answer_own",
        optional=False,
        order=63,
    ),
    NotificationKind(
        services.ANSWER_COUNCIL,
        _("Antwoord op een verzoek van mijn wijkraad"),
        "desk/email/answer_council",
        order=64,
    ),
    NotificationKind(
        services.CLOSED,
        _("Mijn verzoek afgehandeld zonder antwoord"),
        "desk/email/closed",
        optional=False,
        order=65,
    ),
    NotificationKind(
        services.DUE_SOON,
        _("Herinnering: verzoek moet over twee werkdagen beantwoord zijn"),
        "desk/email/due_soon",
        order=66,
    ),
    NotificationKind(
        services.ESCALATION,
        _("Escalatie: verzoek van mijn afdeling niet op tijd beantwoord"),
        "desk/email/escalation",
        order=67,
    ),
    ReminderSource("desk.due_soon", find_due=due_soon, order=60),
    ReminderSource("desk.escalation", find_due=escalations, order=61),
]
