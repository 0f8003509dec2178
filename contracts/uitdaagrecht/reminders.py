"""Mail of the right to challenge: the verification link to a resident group's address.
Waiting proposals are the desk's (due soon, overdue), once per case."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import NotificationKind

PLUGINS = [
    # To a resident group's address (no account), with a link that confirms the proposal.
    NotificationKind(
        "contracts.proposal_verify",
        _("Bevestiging van een uitdaagrechtvoorstel"),
        "contracts/email/proposal_verify",
        optional=False,
        confidential=True,
    ),
]
