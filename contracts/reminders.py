"""Reminders of the contracts app, sent through the outbox. Each finder runs a constant number
of queries and gives each occasion a stable key, so running it again sends nothing twice."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.wijkraden.models import Membership

from .models import (
    PROPOSAL_UNDECIDED,
    SUPPORT_OPEN,
    ChallengeProposal,
    Commitment,
    Contract,
    ContractStatus,
    SupportRequest,
)

COMMITMENT_DUE_DAYS = 14
PROPOSAL_DECISION_WEEKS = 6
CONTRACT_ENDING_DAYS = 90
SUPPORT_ANSWER_WORKING_DAYS = 10

TEMPLATE = "contracts/email/reminder"
KINDS = {
    "contracts.commitment_due": _("Een afspraak in een wijkcontract vervalt over twee weken"),
    "contracts.commitment_overdue": _("Een afspraak in een wijkcontract is te laat"),
    "contracts.proposal_waiting": _("Een uitdaagrechtvoorstel wacht zes weken op een besluit"),
    "contracts.contract_ending": _("Een wijkcontract loopt binnen 90 dagen af"),
    "contracts.support_unanswered": _(
        "Een ondersteuningsvraag is na tien werkdagen nog niet beantwoord"
    ),
}


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """The date `count` working days (Monday to Friday) before `day`."""
    while count:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _link(url_name: str, pk: int) -> str:
    return settings.SITE_URL + reverse(url_name, kwargs={"pk": pk})


def _board_ids_by_council(council_ids: Iterable[int], on: datetime.date) -> dict[int, set[int]]:
    rows = (
        Membership.objects.current(on)
        .board()
        .filter(council_id__in=set(council_ids), person__is_active=True)
        .values_list("council_id", "person_id")
    )
    result: dict[int, set[int]] = defaultdict(set)
    for council_id, person_id in rows:
        result[council_id].add(person_id)
    return result


def _officer_ids() -> list[int]:
    return list(
        User.objects.filter(kind=UserKind.OFFICER, is_active=True).values_list("pk", flat=True)
    )


def _contract_recipients(contract: Contract, boards: dict[int, set[int]]) -> set[int]:
    recipients = set(boards.get(contract.council_id, set()))
    if contract.contact_officer_id:
        recipients.add(contract.contact_officer_id)
    return recipients


def find_commitments_due(now: datetime.datetime):
    today = timezone.localdate(now)
    commitments = list(
        Commitment.objects.open()
        .filter(
            contract__status=ContractStatus.SIGNED,
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=COMMITMENT_DUE_DAYS),
        )
        .select_related("contract")
    )
    boards = _board_ids_by_council({c.contract.council_id for c in commitments}, today)
    for commitment in commitments:
        for recipient in _contract_recipients(commitment.contract, boards):
            yield Due(
                recipient,
                "contracts.commitment_due",
                f"commitment:{commitment.pk}:due14:{commitment.due_date.isoformat()}",
                about=commitment,
                context={
                    "reminder": "commitment_due",
                    "title": commitment.what,
                    "contract_title": commitment.contract.title,
                    "due_date": commitment.due_date,
                    "link": _link("contracts:contract-detail", commitment.contract_id),
                },
            )


def find_commitments_overdue(now: datetime.datetime):
    today = timezone.localdate(now)
    commitments = list(
        Commitment.objects.overdue(today)
        .filter(contract__status=ContractStatus.SIGNED)
        .select_related("contract")
    )
    boards = _board_ids_by_council({c.contract.council_id for c in commitments}, today)
    for commitment in commitments:
        for recipient in _contract_recipients(commitment.contract, boards):
            yield Due(
                recipient,
                "contracts.commitment_overdue",
                f"commitment:{commitment.pk}:overdue:{commitment.due_date.isoformat()}",
                about=commitment,
                context={
                    "reminder": "commitment_overdue",
                    "title": commitment.what,
                    "contract_title": commitment.contract.title,
                    "due_date": commitment.due_date,
                    "link": _link("contracts:contract-detail", commitment.contract_id),
                },
            )


def find_proposals_waiting(now: datetime.datetime):
    proposals = list(
        ChallengeProposal.objects.verified().filter(
            status__in=PROPOSAL_UNDECIDED,
            submitted_at__lte=now - datetime.timedelta(weeks=PROPOSAL_DECISION_WEEKS),
        )
    )
    officers = _officer_ids() if any(p.handler_id is None for p in proposals) else []
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
                    "link": _link("contracts:proposal-assess", proposal.pk),
                },
            )


def find_contracts_ending(now: datetime.datetime):
    today = timezone.localdate(now)
    contracts = list(
        Contract.objects.filter(
            status=ContractStatus.SIGNED,
            end_date__gte=today,
            end_date__lte=today + datetime.timedelta(days=CONTRACT_ENDING_DAYS),
        )
    )
    boards = _board_ids_by_council({c.council_id for c in contracts}, today)
    for contract in contracts:
        for recipient in _contract_recipients(contract, boards):
            yield Due(
                recipient,
                "contracts.contract_ending",
                f"contract:{contract.pk}:ending:{contract.end_date.isoformat()}",
                about=contract,
                context={
                    "reminder": "contract_ending",
                    "title": contract.title,
                    "end_date": contract.end_date,
                    "renewal": contract.get_renewal_display(),
                    "link": _link("contracts:contract-detail", contract.pk),
                },
            )


def find_support_unanswered(now: datetime.datetime):
    cutoff = working_days_before(timezone.localdate(now), SUPPORT_ANSWER_WORKING_DAYS)
    requests = list(
        SupportRequest.objects.filter(
            status__in=SUPPORT_OPEN, created_at__date__lte=cutoff
        ).select_related("council")
    )
    officers = _officer_ids() if any(r.handler_id is None for r in requests) else []
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
                    "link": _link("contracts:supportrequest-detail", support_request.pk),
                },
            )


FINDERS = {
    "contracts.commitment_due": find_commitments_due,
    "contracts.commitment_overdue": find_commitments_overdue,
    "contracts.proposal_waiting": find_proposals_waiting,
    "contracts.contract_ending": find_contracts_ending,
    "contracts.support_unanswered": find_support_unanswered,
}


PLUGINS = [
    *(NotificationKind(key, label, TEMPLATE) for key, label in KINDS.items()),
    # To a resident group's address (no account), with a link that confirms the proposal.
    NotificationKind(
        "contracts.proposal_verify",
        _("Bevestiging van een uitdaagrechtvoorstel"),
        "contracts/email/proposal_verify",
        optional=False,
        confidential=True,
    ),
    *(ReminderSource(name, find_due=finder) for name, finder in FINDERS.items()),
]
