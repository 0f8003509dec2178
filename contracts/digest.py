"""The contracts' part of the progress digest: status changes of my wijkraad's wijkcontracten
and right-to-challenge proposals, per reader and only what concerns them. A board member reads
every step of their wijkraad's contracts; a member only the steps into a public status
(getekend, geëvalueerd, afgesloten), as on the pages. Verified proposals are public, so every
member of the proposing wijkraad reads their steps. Nobody reads their own steps. One query
per batch of readers when nothing moved, four when something did."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wijkportaal.notifications.digests import DigestItem, local_zone
from wijkportaal.wijkraden.models import BOARD_FUNCTIONS, Membership

from .uitdaagrecht.models import ProposalTransition
from .wijkcontracten.models import CONTRACT_PUBLIC_STATUSES, ContractTransition

GROUP_KEY = (40,)


def status_changes_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    earliest = min(since_by_user.values())
    contract_steps = ContractTransition.objects.filter(at__gte=earliest, at__lt=until).exclude(
        from_status=""  # the request itself: the board's own act
    )
    proposal_steps = ProposalTransition.objects.filter(
        at__gte=earliest, at__lt=until, proposal__council__isnull=False
    )
    # Most periods nothing moved: one query says so.
    if not (
        contract_steps.order_by()
        .values("pk")
        .union(proposal_steps.order_by().values("pk"))
        .exists()
    ):
        return {}
    contract_steps = list(contract_steps.select_related("contract__council").order_by("at", "pk"))
    proposal_steps = list(proposal_steps.select_related("proposal__council").order_by("at", "pk"))
    council_ids = {step.contract.council_id for step in contract_steps} | {
        step.proposal.council_id for step in proposal_steps
    }
    member_of: dict[int, set[int]] = defaultdict(set)
    board_of: dict[int, set[int]] = defaultdict(set)
    for person_id, council_id, function in (
        Membership.objects.current()
        .filter(person_id__in=user_ids, council_id__in=council_ids, person__is_active=True)
        .values_list("person_id", "council_id", "function")
    ):
        member_of[person_id].add(council_id)
        if function in BOARD_FUNCTIONS:
            board_of[person_id].add(council_id)

    zone = local_zone()
    title = _("Wijkcontracten en uitdaagrecht van uw wijkraad")
    url = reverse("contracts:index")
    # (step, council id, board only, item fields), prepared once for every reader.
    prepared = []
    for step in contract_steps:
        contract = step.contract
        prepared.append(
            (
                step,
                contract.council_id,
                step.to_status not in CONTRACT_PUBLIC_STATUSES,
                {
                    "label": _("Wijkcontract %(status)s")
                    % {"status": step.get_to_status_display()},
                    "title": f"{contract.title} ({contract.council.name})",
                    "url": contract.get_absolute_url(),
                    "text": Truncator(step.reason).chars(240),
                    "when_label": date_format(step.at.astimezone(zone), "j F Y"),
                    "order": (step.at,),
                },
            )
        )
    for step in proposal_steps:
        proposal = step.proposal
        prepared.append(
            (
                step,
                proposal.council_id,
                False,
                {
                    "label": _("Uitdaagrechtvoorstel %(status)s")
                    % {"status": step.get_to_status_display()},
                    "title": f"{proposal.task} ({proposal.council.name})",
                    "url": proposal.get_absolute_url(),
                    "text": Truncator(step.reason).chars(240),
                    "when_label": date_format(step.at.astimezone(zone), "j F Y"),
                    "order": (step.at,),
                },
            )
        )
    result: dict[int, list[DigestItem]] = {}
    for user in users:
        since = since_by_user[user.pk]
        councils = board_of[user.pk]
        members = member_of[user.pk]
        items = [
            DigestItem(GROUP_KEY, title, url, **fields)
            for step, council_id, board_only, fields in prepared
            if since <= step.at < until
            and step.by_id != user.pk
            and council_id in (councils if board_only else members)
        ]
        if items:
            result[user.pk] = items
    return result
