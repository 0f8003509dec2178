"""Writes of wijkcontracten. Views, the admin, the demo data and tasks all call these; the rules
live here once. A request is a case at the desk (kind "wijkcontracten.request"): the first
decision on it (verkennen or afwijzen) is the case's answer, mailed through the desk; a
withdrawn request closes the case, a signed contract completes it."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core.errors import NotFound
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import CaseStatus
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import (
    CONTRACT_MACHINE,
    Commitment,
    CommitmentStatus,
    Contract,
    ContractOrigin,
    ContractParty,
    ContractStatus,
    ContractTransition,
    PartyKind,
)

THEMES = ("maintenance", "development", "social")
CASE_KIND = "wijkcontracten.request"
# Working days within which the municipality says whether it explores the contract.
CASE_TERM_DAYS = 20


@transaction.atomic
def contract_request(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    title: str,
    description: str,
    themes: list[str],
    partners: list[str] | None = None,
) -> Contract:
    """A wijkraad's board requests a wijkcontract. Only the board of that wijkraad may: for
    anyone else the wijkraad is not found (the page never reveals other wijkraden). The
    wijkraad is a party from the start; partners named in the request are added as parties."""
    if not actor.has_perm("contracts.request_contract", council):
        raise NotFound
    errors = FieldErrors()
    with errors.collect():
        title = clean_text(title, field="title", label=_("een titel"), max_length=200)
    with errors.collect():
        description = clean_text(
            description,
            field="description",
            label=_("waar het contract over gaat"),
            max_length=5000,
        )
    themes = [theme for theme in (themes or []) if theme in THEMES]
    if not themes:
        errors.add("themes", _("Kies minstens één thema."))
    partners = [name.strip() for name in (partners or []) if name and name.strip()]
    if len(partners) > 20 or any(len(name) > 200 for name in partners):
        errors.add("partners", _("Noem hoogstens 20 partners van elk hoogstens 200 tekens."))
    errors.raise_if_any()
    now = timezone.now()
    contract = Contract.objects.create(
        council=council,
        title=title,
        description=description,
        theme_maintenance="maintenance" in themes,
        theme_development="development" in themes,
        theme_social="social" in themes,
        status=ContractStatus.REQUESTED,
        status_changed_at=now,
        requested_by=actor,
        requested_at=now,
        origin=ContractOrigin.COUNCIL_REQUEST,
    )
    ContractParty.objects.create(contract=contract, kind=PartyKind.COUNCIL, council=council)
    for name in partners:
        ContractParty.objects.create(contract=contract, kind=PartyKind.PARTNER, name=name)
    # The first row of the history: where the contract entered the table.
    ContractTransition.objects.create(
        contract=contract, from_status="", to_status=ContractStatus.REQUESTED, at=now, by=actor
    )
    desk.case_open(
        kind=CASE_KIND,
        title=title,
        summary=description,
        subject=contract,
        council=council,
        submitted_by=actor,
        received_at=now,
    )
    return contract


@transaction.atomic
def contract_transition(
    *,
    actor: User,
    contract: Contract,
    to_status: str,
    reason: str = "",
    at: datetime.datetime | None = None,
) -> ContractTransition:
    """Move a contract one allowed step of CONTRACT_MACHINE, dated and signed. Officers move
    contracts; the wijkraad's board may only withdraw its own request. Rejecting, withdrawing
    and closing need a reason; signing needs a start and end date."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if to_status == ContractStatus.WITHDRAWN:
        allowed = actor.has_perm("contracts.withdraw_contract", contract)
    else:
        allowed = actor.has_perm("contracts.transition_contract", contract)
    if not allowed:
        raise PermissionDenied
    reason = CONTRACT_MACHINE.check(contract.status, to_status, reason)
    if to_status == ContractStatus.SIGNED and not (contract.start_date and contract.end_date):
        raise ValidationError(
            {
                "to_status": _(
                    "Vul eerst de looptijd in (ingangsdatum en einddatum) voordat het contract "
                    "getekend wordt."
                )
            }
        )
    transition = CONTRACT_MACHINE.apply(
        contract,
        to=to_status,
        actor=actor,
        reason=reason,
        at=at,
        record=ContractTransition,
        record_for="contract",
    )
    _tell_the_desk(actor, contract, to_status, reason)
    return transition


def _tell_the_desk(actor: User, contract: Contract, to_status: str, reason: str) -> None:
    """The request's case follows the contract: exploring or rejecting it answers the request
    (the board hears it through the desk, once), withdrawing closes it, signing completes it."""
    if to_status in (ContractStatus.EXPLORING, ContractStatus.REJECTED):
        if to_status == ContractStatus.EXPLORING:
            text = _(
                'De gemeente gaat het wijkcontract "%(title)s" met de wijkraad verkennen. '
                "U hoort wie uw contactpersoon is en wanneer de eerste afspraak is."
            )
        else:
            text = _('De gemeente wijst de aanvraag voor het wijkcontract "%(title)s" af.')
        text %= {"title": contract.title}
        if reason:
            text += "\n\n" + reason
        desk.case_answer_for_subject(actor=actor, subject=contract, text=text, public=False)
    elif to_status == ContractStatus.WITHDRAWN:
        desk.case_progress_for_subject(
            actor=actor, subject=contract, status=CaseStatus.CLOSED, reason=reason
        )
    elif to_status == ContractStatus.SIGNED:
        desk.case_progress_for_subject(
            actor=actor,
            subject=contract,
            status=CaseStatus.CLOSED,
            reason=_("Het wijkcontract is getekend."),
        )


@transaction.atomic
def contract_term_update(
    *,
    actor: User,
    contract: Contract,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    renewal: str | None = None,
) -> Contract:
    """Officers set the term; the end lies after the start, and no commitment may fall due
    before the start."""
    if not actor.has_perm("contracts.transition_contract", contract):
        raise PermissionDenied
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if start_date and end_date and end_date <= start_date:
        raise ValidationError({"end_date": _("De einddatum ligt na de ingangsdatum.")})
    if start_date and contract.commitments.filter(due_date__lt=start_date).exists():
        raise ValidationError(
            {"start_date": _("Er zijn afspraken die vóór deze ingangsdatum vervallen.")}
        )
    contract.start_date, contract.end_date = start_date, end_date
    if renewal:
        contract.renewal = renewal
    contract.full_clean(exclude=["council", "requested_by", "contact_officer"])
    contract.save()
    return contract


@transaction.atomic
def commitment_create(
    *,
    actor: User,
    contract: Contract,
    party: ContractParty,
    what: str,
    due_date: datetime.date | None,
) -> Commitment:
    """Officers record an afspraak: which party, what, and by when (not before the contract
    starts)."""
    if not actor.has_perm("contracts.manage_commitments", contract):
        raise PermissionDenied
    what = clean_text(what, field="what", label=_("de afspraak"), max_length=2000)
    if due_date is None:
        raise ValidationError({"due_date": _("Vul de datum in waarop de afspraak klaar is.")})
    commitment = Commitment(contract=contract, party=party, what=what, due_date=due_date)
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_update(
    *, actor: User, commitment: Commitment, status: str, evidence: str = ""
) -> Commitment:
    """Officers record progress on an afspraak; 'nagekomen' needs evidence."""
    commitment = (
        Commitment.objects.select_for_update().select_related("contract").get(pk=commitment.pk)
    )
    if not actor.has_perm("contracts.manage_commitments", commitment.contract):
        raise PermissionDenied
    if status not in CommitmentStatus.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    commitment.status = status
    commitment.evidence = (evidence or "").strip()
    commitment.full_clean()
    commitment.save()
    return commitment
