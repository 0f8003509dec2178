"""Reminders of the right to challenge, sent through the outbox: a verified proposal without a
decision after six weeks goes to its handler, or to every officer while it has none."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User
from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource

from .models import PROPOSAL_UNDECIDED, ChallengeProposal

PROPOSAL_DECISION_WEEKS = 6

# The template is shared by the reminders of all sub-apps (contracts/email/reminder).
TEMPLATE = "contracts/email/reminder"


def find_proposals_waiting(now: datetime.datetime):
    proposals = list(
        ChallengeProposal.objects.verified().filter(
            status__in=PROPOSAL_UNDECIDED,
            submitted_at__lte=now - datetime.timedelta(weeks=PROPOSAL_DECISION_WEEKS),
        )
    )
    officers = []
    if any(proposal.handler_id is None for proposal in proposals):
        officers = list(User.objects.active_officers().values_list("pk", flat=True))
    for proposal in proposals:
        for recipient in [proposal.handler_id] if proposal.handler_id else officers:
            yield Due(
                recipient,
                "contracts.proposal_waiting",
                f"proposal:{proposal.pk}:6w",
                about=proposal,
                context={
                    "reminder": "proposal_waiting",
                    "title": proposal.task,
                    "submitted_at": proposal.submitted_at,
                    "link": settings.SITE_URL
                    + reverse("contracts:proposal-assess", args=[proposal.pk]),
                },
            )


PLUGINS = [
    NotificationKind(
        "contracts.proposal_waiting",
        _("Een uitdaagrechtvoorstel wacht zes weken op een besluit"),
        TEMPLATE,
    ),
    ReminderSource("contracts.proposal_waiting", find_due=find_proposals_waiting),
    # To a resident group's address (no account), with a link that confirms the proposal.
    NotificationKind(
        "contracts.proposal_verify",
        _("Bevestiging van een uitdaagrechtvoorstel"),
        "contracts/email/proposal_verify",
        optional=False,
        confidential=True,
    ),
]
