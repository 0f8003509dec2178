"""Mail of the right to challenge: the verification link to a resident group's address.
Waiting proposals are the desk's (due soon, overdue), once per case."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import NotificationKind

PLUGINS = [
    # To the proposer at every step of a proposal the desk does not answer itself (to the
    # group's address when there is no account: an address has no preferences).
    NotificationKind(
        "contracts.proposal_step",
        _("Nieuwe stap in uw uitdaagrechtvoorstel"),
        "contracts/email/proposal_step",
        optional=False,
    ),
    # To a resident group's address (no account), with a link that confirms the proposal.
    NotificationKind(
        "contracts.proposal_verify",
        _("Bevestiging van een uitdaagrechtvoorstel"),
        "contracts/email/proposal_verify",
        optional=False,
        confidential=True,
    ),
]
