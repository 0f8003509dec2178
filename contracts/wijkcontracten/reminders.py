"""Reminders of wijkcontracten, sent through the outbox to the wijkraad's board and the
contract's contact officer. Each finder runs a constant number of queries and gives each
occasion a stable key, so running it again sends nothing twice."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.wijkraden.models import Membership

from .models import Commitment, Contract, ContractStatus

COMMITMENT_DUE_DAYS = 14
CONTRACT_ENDING_DAYS = 90

# One template for the reminders of all sub-apps; its text depends on context["reminder"].
TEMPLATE = "contracts/email/reminder"
KINDS = {
    "contracts.commitment_due": _("Een afspraak in een wijkcontract vervalt over twee weken"),
    "contracts.commitment_overdue": _("Een afspraak in een wijkcontract is te laat"),
    "contracts.contract_ending": _("Een wijkcontract loopt binnen 90 dagen af"),
}


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


def _contract_recipients(contract: Contract, boards: dict[int, set[int]]) -> set[int]:
    recipients = set(boards.get(contract.council_id, set()))
    if contract.contact_officer_id:
        recipients.add(contract.contact_officer_id)
    return recipients


def _commitment_dues(commitments: list[Commitment], today: datetime.date, kind: str, key: str):
    boards = _board_ids_by_council({c.contract.council_id for c in commitments}, today)
    for commitment in commitments:
        for recipient in _contract_recipients(commitment.contract, boards):
            yield Due(
                recipient,
                f"contracts.{kind}",
                f"commitment:{commitment.pk}:{key}:{commitment.due_date.isoformat()}",
                about=commitment,
                context={
                    "reminder": kind,
                    "title": commitment.what,
                    "contract_title": commitment.contract.title,
                    "due_date": commitment.due_date,
                    "link": settings.SITE_URL
                    + reverse("contracts:contract-detail", args=[commitment.contract_id]),
                },
            )


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
    yield from _commitment_dues(commitments, today, "commitment_due", "due14")


def find_commitments_overdue(now: datetime.datetime):
    today = timezone.localdate(now)
    commitments = list(
        Commitment.objects.overdue(today)
        .filter(contract__status=ContractStatus.SIGNED)
        .select_related("contract")
    )
    yield from _commitment_dues(commitments, today, "commitment_overdue", "overdue")


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
                    "link": settings.SITE_URL
                    + reverse("contracts:contract-detail", args=[contract.pk]),
                },
            )


FINDERS = {
    "contracts.commitment_due": find_commitments_due,
    "contracts.commitment_overdue": find_commitments_overdue,
    "contracts.contract_ending": find_contracts_ending,
}

PLUGINS = [
    *(NotificationKind(key, label, TEMPLATE) for key, label in KINDS.items()),
    *(ReminderSource(name, find_due=finder) for name, finder in FINDERS.items()),
]
