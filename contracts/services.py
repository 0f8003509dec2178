"""Writes of the contracts app. Views, the admin, the seed and tasks all call these; the rules
live here once."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.core.uploads import extension_of, upload_problem
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import (
    COMMITMENT_CLOSED,
    CONTRACT_REASON_REQUIRED,
    CONTRACT_TRANSITIONS,
    DECISION_DOCUMENT_EXTENSIONS,
    DECISION_DOCUMENT_MAX_BYTES,
    PROPOSAL_MOTIVATION_REQUIRED,
    PROPOSAL_TRANSITIONS,
    PROPOSAL_UNDECIDED,
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ChallengeField,
    ChallengeProposal,
    Commitment,
    CommitmentStatus,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
    PartyKind,
    ProposalStatus,
    ProposalTransition,
    SupportOffer,
    SupportRequest,
    SupportRequestStatus,
)

THEMES = ("maintenance", "development", "social")


def _clean_text(value, *, field: str, label: str, max_length: int, required: bool = True):
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Vul %(label)s in.") % {"label": label}})
    if len(value) > max_length:
        raise ValidationError(
            {field: _("Hoogstens %(max)s tekens, alstublieft.") % {"max": max_length}}
        )
    return value


def parse_amount(value, *, field: str = "amount", allow_zero: bool = False) -> Decimal:
    """An amount in euros and cents: a number, not negative (or > 0), at most two decimals.
    Accepts a Decimal, int or a string with a decimal point or comma."""
    if isinstance(value, float):
        # Floats are not exact; refuse them so nobody relies on rounding.
        raise ValidationError({field: _("Geef het bedrag exact op, als tekst of Decimal.")})
    try:
        amount = Decimal(str(value).strip().replace(",", ".")) if value is not None else None
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationError({field: _("Vul een bedrag in euro's in, bijvoorbeeld 1250,50.")})
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError({field: _("Het bedrag moet groter dan nul zijn.")})
    if amount.as_tuple().exponent < -2:
        raise ValidationError(
            {field: _("Een bedrag heeft hoogstens twee cijfers achter de komma.")}
        )
    if amount >= Decimal("10000000000"):
        raise ValidationError({field: _("Dit bedrag is te groot.")})
    return amount.quantize(Decimal("0.01"))


# --- Wijkcontracten --------------------------------------------------------------------------


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
    """A wijkraad's board requests a wijkcontract. Only the board of that wijkraad may: anyone
    else gets a 404 (the view never reveals other wijkraden). The wijkraad is a party from the
    start; partners named in the request are added as parties."""
    if not actor.has_perm("contracts.request_contract", council):
        raise Http404
    title = _clean_text(title, field="title", label=_("een titel"), max_length=200)
    description = _clean_text(
        description, field="description", label=_("waar het contract over gaat"), max_length=5000
    )
    themes = [theme for theme in (themes or []) if theme in THEMES]
    if not themes:
        raise ValidationError({"themes": _("Kies minstens één thema.")})
    partners = [name.strip() for name in (partners or []) if name and name.strip()]
    if len(partners) > 20 or any(len(name) > 200 for name in partners):
        raise ValidationError(
            {"partners": _("Noem hoogstens 20 partners van elk hoogstens 200 tekens.")}
        )
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
    )
    ContractParty.objects.create(contract=contract, kind=PartyKind.COUNCIL, council=council)
    for name in partners:
        ContractParty.objects.create(contract=contract, kind=PartyKind.PARTNER, name=name)
    ContractTransition.objects.create(
        contract=contract, from_status="", to_status=ContractStatus.REQUESTED, at=now, by=actor
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
    """Move a contract one allowed step (see CONTRACT_TRANSITIONS), dated and signed. Officers
    move contracts; the wijkraad's board may only withdraw its own request. Rejecting,
    withdrawing and closing need a reason; signing needs a start and end date."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if to_status == ContractStatus.WITHDRAWN:
        allowed = actor.has_perm("contracts.withdraw_contract", contract)
    else:
        allowed = actor.has_perm("contracts.transition_contract", contract)
    if not allowed:
        raise PermissionDenied
    if to_status not in ContractStatus.values:
        raise ValidationError({"to_status": _("Kies een geldige status.")})
    if to_status not in CONTRACT_TRANSITIONS[contract.status]:
        possible = ", ".join(
            str(ContractStatus(s).label) for s in CONTRACT_TRANSITIONS[contract.status]
        )
        raise ValidationError(
            {
                "to_status": _(
                    "Een wijkcontract met status ‘%(current)s’ kan niet naar ‘%(new)s’. "
                    "Mogelijk: %(possible)s."
                )
                % {
                    "current": contract.get_status_display(),
                    "new": ContractStatus(to_status).label,
                    "possible": possible or _("geen, de status is definitief"),
                }
            }
        )
    reason = (reason or "").strip()
    if to_status in CONTRACT_REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("Geef een reden op voor deze stap.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Hoogstens 2000 tekens, alstublieft.")})
    if to_status == ContractStatus.SIGNED and not (contract.start_date and contract.end_date):
        raise ValidationError(
            {
                "to_status": _(
                    "Vul eerst de looptijd in (ingangsdatum en einddatum) voordat het contract "
                    "getekend wordt."
                )
            }
        )
    at = at or timezone.now()
    transition = ContractTransition.objects.create(
        contract=contract,
        from_status=contract.status,
        to_status=to_status,
        at=at,
        by=actor,
        reason=reason,
    )
    contract.status = to_status
    contract.status_changed_at = at
    contract.save(update_fields=["status", "status_changed_at", "updated_at"])
    return transition


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
    what = _clean_text(what, field="what", label=_("de afspraak"), max_length=2000)
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


def is_commitment_closed(commitment: Commitment) -> bool:
    return commitment.status in COMMITMENT_CLOSED


# --- Budget pilot ----------------------------------------------------------------------------


def _validate_document(document) -> None:
    if not document:
        return
    problem = upload_problem(
        document, extensions=DECISION_DOCUMENT_EXTENSIONS, max_bytes=DECISION_DOCUMENT_MAX_BYTES
    )
    if problem == "file_type":
        raise ValidationError({"document": _("Upload het besluit als PDF, ODT of DOCX.")})
    if problem == "file_size":
        raise ValidationError(
            {"document": _("Het bestand is groter dan 5 MB. Verklein het of deel het op.")}
        )
    if problem:
        raise ValidationError(
            {
                "document": _("Dit bestand is geen geldig %(ext)s-bestand.")
                % {"ext": extension_of(document.name).upper()}
            }
        )


@transaction.atomic
def budget_decision_create(
    *,
    actor: User,
    line: BudgetLine,
    decided_on: datetime.date | None,
    amount,
    purpose: str,
    recipient: str,
    document=None,
) -> BudgetDecision:
    """Record a spending decision of the pilot wijkraad's board against one budget line.

    The line's row is locked (select_for_update) before its balance is checked, so two
    decisions arriving at the same moment are checked one after the other: the second sees
    what the first spent and is refused if it would overdraw. The database CHECK
    `line_not_overdrawn` refuses an overdraw even from a path that forgot the lock."""
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    pilot = BudgetPilot.objects.select_related("council").get(pk=line.pilot_id)
    if not actor.has_perm("contracts.decide_budget", pilot):
        raise PermissionDenied
    errors: dict[str, str] = {}
    try:
        amount = parse_amount(amount)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if decided_on is None:
        errors["decided_on"] = _("Vul de datum van het besluit in.")
    elif decided_on.year != pilot.year:
        errors["decided_on"] = _("Het besluit valt in het begrotingsjaar %(year)s.") % {
            "year": pilot.year
        }
    elif decided_on > timezone.localdate():
        errors["decided_on"] = _("Een besluit kan niet in de toekomst liggen.")
    purpose = (purpose or "").strip()
    recipient = (recipient or "").strip()
    if not purpose:
        errors["purpose"] = _("Vul het doel van de uitgave in.")
    elif len(purpose) > 300:
        errors["purpose"] = _("Hoogstens 300 tekens, alstublieft.")
    if not recipient:
        errors["recipient"] = _("Vul in wie het geld ontvangt.")
    elif len(recipient) > 200:
        errors["recipient"] = _("Hoogstens 200 tekens, alstublieft.")
    try:
        _validate_document(document)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if "amount" not in errors and amount > line.balance:
        errors["amount"] = _(
            "Dit besluit past niet binnen de post ‘%(line)s’: er is nog € %(balance)s beschikbaar."
        ) % {"line": line.get_kind_display(), "balance": format_euro(line.balance)}
    if errors:
        raise ValidationError(errors)
    decision = BudgetDecision.objects.create(
        line=line,
        decided_on=decided_on,
        amount=amount,
        purpose=purpose,
        recipient=recipient,
        document=document or "",
        decided_by=actor,
    )
    BudgetLine.objects.filter(pk=line.pk).update(spent=F("spent") + amount)
    return decision


def format_euro(amount: Decimal) -> str:
    """1234.5 → '1.234,50' (Dutch notation)."""
    whole, cents = f"{amount:.2f}".split(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{'.'.join(groups)},{cents}"


# --- Right to challenge ----------------------------------------------------------------------

PROPOSAL_TEXT_FIELDS = {
    # field: (label for the error, max length)
    "task": (_lazy("de taak die u wilt overnemen"), 300),
    "current_provider": (_lazy("wie de taak nu uitvoert"), 200),
    "plan": (_lazy("uw plan"), 8000),
    "support_evidence": (_lazy("waaruit het draagvlak in de wijk blijkt"), 4000),
    "cost_comparison": (_lazy("de kostenvergelijking"), 4000),
    "quality": (_lazy("hoe u de kwaliteit waarborgt"), 4000),
}
VERIFY_SALT = "contracts.proposal-verify"
VERIFY_MAX_AGE = datetime.timedelta(days=7)
UNVERIFIED_PER_ADDRESS_PER_DAY = 3


def _proposal_content(data: dict) -> dict:
    clean: dict = {}
    errors: dict[str, str] = {}
    for field, (label, max_length) in PROPOSAL_TEXT_FIELDS.items():
        try:
            clean[field] = _clean_text(
                data.get(field), field=field, label=label, max_length=max_length
            )
        except ValidationError as error:
            errors.update({k: v[0] for k, v in error.message_dict.items()})
    if data.get("field") not in ChallengeField.values:
        errors["field"] = _("Kies het terrein van de taak.")
    else:
        clean["field"] = data["field"]
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def proposal_submit_by_council(
    *, actor: User, council: NeighbourhoodCouncil, data: dict
) -> ChallengeProposal:
    """A wijkraad's board submits a right-to-challenge proposal. The board member is known,
    so the proposal counts as verified at once."""
    if not actor.has_perm("contracts.propose_challenge", council):
        raise Http404
    content = _proposal_content(data)
    now = timezone.now()
    return ChallengeProposal.objects.create(
        council=council,
        contact_name=actor.display_name[:150],
        contact_email=actor.email,
        submitted_by=actor,
        submitted_at=now,
        verified_at=now,
        status_changed_at=now,
        **content,
    )


@transaction.atomic
def proposal_submit_by_group(
    *, group_name: str, contact_name: str, contact_email: str, data: dict
) -> ChallengeProposal:
    """A resident group (no account) submits a proposal. It is stored unverified: never public,
    never processed, until someone opens the signed link mailed to the given address (an
    outbox row to that address: the group has no account)."""
    errors: dict[str, str] = {}
    try:
        content = _proposal_content(data)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    try:
        group_name = _clean_text(
            group_name, field="group_name", label=_("de naam van de groep"), max_length=200
        )
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    try:
        contact_name = _clean_text(
            contact_name,
            field="contact_name",
            label=_("de naam van de contactpersoon"),
            max_length=150,
        )
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    contact_email = (contact_email or "").strip().lower()
    try:
        validate_email(contact_email)
    except ValidationError:
        errors["contact_email"] = _(
            "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."
        )
    if not errors and (
        ChallengeProposal.objects.filter(
            contact_email=contact_email,
            verified_at__isnull=True,
            submitted_at__gte=timezone.now() - datetime.timedelta(days=1),
        ).count()
        >= UNVERIFIED_PER_ADDRESS_PER_DAY
    ):
        # The form is public: without a limit it could be used to mail any address.
        errors["contact_email"] = _(
            "Vanaf dit adres wachten al %(count)s voorstellen op bevestiging. Open eerst de "
            "link in de e-mail die u kreeg."
        ) % {"count": UNVERIFIED_PER_ADDRESS_PER_DAY}
    if errors:
        raise ValidationError(errors)
    proposal = ChallengeProposal.objects.create(
        group_name=group_name,
        contact_name=contact_name,
        contact_email=contact_email,
        **content,
    )
    token = signing.dumps({"p": proposal.pk, "e": contact_email}, salt=VERIFY_SALT)
    context = {
        "proposal": proposal,
        "verify_url": settings.SITE_URL
        + reverse("contracts:proposal-verify", kwargs={"token": token}),
        "valid_days": VERIFY_MAX_AGE.days,
    }
    mail_queue(
        [
            Due(
                None,
                "contracts.proposal_verify",
                f"proposal-verify:{proposal.pk}",
                about=proposal,
                context=context,
                address=contact_email,
            )
        ]
    )
    return proposal


@transaction.atomic
def proposal_verify(*, token: str) -> ChallengeProposal:
    """Confirm a resident group's address from the signed link (idempotent)."""
    try:
        payload = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(
            {"token": _("Deze link is verlopen. Dien het voorstel opnieuw in.")}
        ) from None
    except signing.BadSignature:
        raise ValidationError({"token": _("Deze link is ongeldig.")}) from None
    proposal = (
        ChallengeProposal.objects.select_for_update()
        .filter(pk=payload.get("p"), contact_email=payload.get("e"))
        .first()
    )
    if proposal is None:
        raise ValidationError({"token": _("Deze link is ongeldig.")})
    if proposal.verified_at is None:
        proposal.verified_at = timezone.now()
        proposal.save(update_fields=["verified_at"])
    return proposal


def _verified_for_processing(proposal: ChallengeProposal) -> ChallengeProposal:
    proposal = ChallengeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.verified_at is None:
        raise ValidationError(
            {
                "__all__": _(
                    "Dit voorstel is nog niet bevestigd door de indiener en kan niet worden "
                    "behandeld."
                )
            }
        )
    return proposal


@transaction.atomic
def proposal_score(
    *,
    actor: User,
    proposal: ChallengeProposal,
    not_more_expensive: bool | None,
    at_least_same_quality: bool | None,
    demonstrable_support: bool | None,
    notes: str = "",
) -> ChallengeProposal:
    """Officers score the three criteria of the right to challenge."""
    if not actor.has_perm("contracts.assess_challengeproposal", proposal):
        raise PermissionDenied
    proposal = _verified_for_processing(proposal)
    if proposal.status not in PROPOSAL_UNDECIDED:
        raise ValidationError({"__all__": _("Over dit voorstel is al besloten.")})
    proposal.not_more_expensive = not_more_expensive
    proposal.at_least_same_quality = at_least_same_quality
    proposal.demonstrable_support = demonstrable_support
    proposal.score_notes = _clean_text(
        notes, field="notes", label="", max_length=4000, required=False
    )
    proposal.scored_by = actor
    proposal.scored_at = timezone.now()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_transition(
    *, actor: User, proposal: ChallengeProposal, to_status: str, motivation: str = ""
) -> ProposalTransition:
    """Move a verified proposal one allowed step (PROPOSAL_TRANSITIONS). Granting and rejecting
    need a public motivation; granting needs all three criteria met."""
    if not actor.has_perm("contracts.assess_challengeproposal", proposal):
        raise PermissionDenied
    proposal = _verified_for_processing(proposal)
    if to_status not in PROPOSAL_TRANSITIONS[proposal.status]:
        possible = ", ".join(
            str(ProposalStatus(s).label) for s in PROPOSAL_TRANSITIONS[proposal.status]
        )
        label = ProposalStatus(to_status).label if to_status in ProposalStatus.values else to_status
        raise ValidationError(
            {
                "to_status": _(
                    "Een voorstel met status ‘%(current)s’ kan niet naar ‘%(new)s’. "
                    "Mogelijk: %(possible)s."
                )
                % {
                    "current": proposal.get_status_display(),
                    "new": label,
                    "possible": possible or _("geen, de status is definitief"),
                }
            }
        )
    motivation = (motivation or "").strip()
    if to_status in PROPOSAL_MOTIVATION_REQUIRED and not motivation:
        raise ValidationError({"motivation": _("Schrijf een openbare motivering bij dit besluit.")})
    if len(motivation) > 5000:
        raise ValidationError({"motivation": _("Hoogstens 5000 tekens, alstublieft.")})
    if to_status == ProposalStatus.GRANTED and not all(
        (proposal.not_more_expensive, proposal.at_least_same_quality, proposal.demonstrable_support)
    ):
        raise ValidationError(
            {
                "to_status": _(
                    "Een voorstel wordt alleen toegekend als het aan alle drie de criteria "
                    "voldoet: niet duurder, minstens dezelfde kwaliteit en aantoonbaar draagvlak."
                )
            }
        )
    now = timezone.now()
    transition = ProposalTransition.objects.create(
        proposal=proposal,
        from_status=proposal.status,
        to_status=to_status,
        at=now,
        by=actor,
        reason=motivation,
    )
    proposal.status = to_status
    proposal.status_changed_at = now
    if to_status in PROPOSAL_MOTIVATION_REQUIRED:
        proposal.motivation = motivation
    proposal.save(update_fields=["status", "status_changed_at", "motivation"])
    return transition


# --- Support ---------------------------------------------------------------------------------


@transaction.atomic
def support_request_create(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    offer: SupportOffer | None,
    subject: str,
    question: str,
) -> SupportRequest:
    """A wijkraad's board asks for support (from the catalogue or otherwise)."""
    if not actor.has_perm("contracts.request_support", council):
        raise Http404
    errors: dict[str, str] = {}
    try:
        subject = _clean_text(subject, field="subject", label=_("een onderwerp"), max_length=200)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    try:
        question = _clean_text(question, field="question", label=_("uw vraag"), max_length=4000)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if offer is not None and not offer.active:
        errors["offer"] = _("Deze ondersteuning wordt niet meer aangeboden.")
    if errors:
        raise ValidationError(errors)
    return SupportRequest.objects.create(
        council=council, offer=offer, subject=subject, question=question, requested_by=actor
    )


@transaction.atomic
def support_request_handle(
    *, actor: User, support_request: SupportRequest, status: str, answer: str = ""
) -> SupportRequest:
    """Officers handle a request: take it in hand, answer or decline it (with an answer)."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not actor.has_perm("contracts.handle_supportrequest", support_request):
        raise PermissionDenied
    if status not in SupportRequestStatus.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    answer = (answer or "").strip()
    if status in (SupportRequestStatus.ANSWERED, SupportRequestStatus.DECLINED) and not answer:
        raise ValidationError({"answer": _("Schrijf een antwoord aan de wijkraad.")})
    if len(answer) > 4000:
        raise ValidationError({"answer": _("Hoogstens 4000 tekens, alstublieft.")})
    support_request.status = status
    support_request.answer = answer
    support_request.handler = support_request.handler or actor
    if status in (SupportRequestStatus.ANSWERED, SupportRequestStatus.DECLINED):
        support_request.answered_at = support_request.answered_at or timezone.now()
    else:
        support_request.answered_at = None
    support_request.save()
    return support_request
