"""Writes of the right to challenge: proposals from a wijkraad's board or from a resident group
(verified by a signed link), the officers' scores and the steps of PROPOSAL_MACHINE.

A proposal is a case at the desk (kind "uitdaagrecht.proposal") from the moment it counts: at
once for a board, when its address is verified for a resident group. Taking it up puts the
case in behandeling; granting or rejecting it answers the case with the public motivation
(mailed through the desk, once); the evaluation completes it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wijkportaal.accounts.models import User
from wijkportaal.core.errors import NotFound
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import CaseStatus
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import (
    PROPOSAL_MACHINE,
    PROPOSAL_MOTIVATION_REQUIRED,
    PROPOSAL_UNDECIDED,
    ChallengeField,
    ChallengeProposal,
    ChallengeTerrain,
    EvaluationOutcome,
    ProposalStatus,
    ProposalTransition,
)

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
CASE_KIND = "uitdaagrecht.proposal"
# Working days within which the municipality decides (the old reminder came after six weeks).
CASE_TERM_DAYS = 30
# The mail to the proposer at every step the desk does not answer itself.
STEP_KIND = "contracts.proposal_step"


def _open_case(proposal: ChallengeProposal) -> None:
    """The proposal's case at the desk, once it counts: the receipt to the board member or
    the group's address, the new-case mail to the owning department."""
    by_group = proposal.submitted_by_id is None
    desk.case_open(
        kind=CASE_KIND,
        title=proposal.task,
        summary=proposal.plan,
        subject=proposal,
        council=proposal.council,
        submitted_by=proposal.submitted_by,
        submitter_name=(f"{proposal.contact_name} ({proposal.group_name})" if by_group else ""),
        submitter_email=proposal.contact_email if by_group else "",
        topic=proposal.field,
        received_at=proposal.verified_at,
    )


def _proposal_content(data: dict, errors: FieldErrors) -> dict:
    """The proposal's own fields, cleaned; problems go into `errors`."""
    clean: dict = {}
    for field, (label, max_length) in PROPOSAL_TEXT_FIELDS.items():
        with errors.collect():
            clean[field] = clean_text(
                data.get(field), field=field, label=label, max_length=max_length
            )
    if data.get("field") not in ChallengeField.values:
        errors.add("field", _("Kies wat voor taak het is."))
    else:
        clean["field"] = data["field"]
    with errors.collect():
        clean["terrain"] = _open_terrain(data.get("terrain"))
    return clean


def _open_terrain(value) -> ChallengeTerrain:
    """The terrain a proposal names: it must be open today (started and not closed)."""
    if isinstance(value, ChallengeTerrain):
        terrain = value
    else:
        terrain = (
            ChallengeTerrain.objects.filter(pk=value).first() if str(value).isdigit() else None
        )
    if terrain is None:
        raise ValidationError({"terrain": _("Kies het terrein waarop u de taak wilt overnemen.")})
    today = timezone.localdate()
    if terrain.opens_on > today:
        raise ValidationError(
            {
                "terrain": _(
                    "Het uitdaagrecht staat voor ‘%(terrain)s’ pas open vanaf %(date)s. Kies een "
                    "terrein dat nu open is."
                )
                % {"terrain": terrain.name, "date": date_format(terrain.opens_on, "j F Y")}
            }
        )
    if not terrain.is_open_on(today):
        raise ValidationError(
            {
                "terrain": _("Het uitdaagrecht staat voor ‘%(terrain)s’ niet meer open.")
                % {"terrain": terrain.name}
            }
        )
    return terrain


@transaction.atomic
def proposal_submit_by_council(
    *, actor: User, council: NeighbourhoodCouncil, data: dict
) -> ChallengeProposal:
    """A wijkraad's board submits a right-to-challenge proposal. The board member is known,
    so the proposal counts as verified at once."""
    if not actor.has_perm("contracts.propose_challenge", council):
        raise NotFound
    errors = FieldErrors()
    content = _proposal_content(data, errors)
    errors.raise_if_any()
    now = timezone.now()
    proposal = ChallengeProposal.objects.create(
        council=council,
        contact_name=actor.display_name[:150],
        contact_email=actor.email,
        submitted_by=actor,
        submitted_at=now,
        verified_at=now,
        status_changed_at=now,
        **content,
    )
    _open_case(proposal)
    return proposal


@transaction.atomic
def proposal_submit_by_group(
    *, group_name: str, contact_name: str, contact_email: str, data: dict
) -> ChallengeProposal:
    """A resident group (no account) submits a proposal. It is stored unverified: never public,
    never processed, until someone opens the signed link mailed to the given address.
    """
    errors = FieldErrors()
    content = _proposal_content(data, errors)
    with errors.collect():
        group_name = clean_text(
            group_name, field="group_name", label=_("de naam van de groep"), max_length=200
        )
    with errors.collect():
        contact_name = clean_text(
            contact_name,
            field="contact_name",
            label=_("de naam van de contactpersoon"),
            max_length=150,
        )
    contact_email = (contact_email or "").strip().lower()
    try:
        validate_email(contact_email)
    except ValidationError:
        errors.add(
            "contact_email", _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
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
        errors.add(
            "contact_email",
            _(
                "Vanaf dit adres wachten al %(count)s voorstellen op bevestiging. Open eerst de "
                "link in de e-mail die u kreeg."
            )
            % {"count": UNVERIFIED_PER_ADDRESS_PER_DAY},
        )
    errors.raise_if_any()
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
        _open_case(proposal)
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
    proposal.score_notes = clean_text(notes, field="notes", max_length=4000, required=False)
    proposal.scored_by = actor
    proposal.scored_at = timezone.now()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_transition(
    *,
    actor: User,
    proposal: ChallengeProposal,
    to_status: str,
    motivation: str = "",
    evaluation_outcome: str = "",
    evaluation_summary: str = "",
) -> ProposalTransition:
    """Move a verified proposal one allowed step of PROPOSAL_MACHINE. Granting and rejecting
    need a public motivation; granting needs all three criteria met; the evaluation needs an
    outcome and a public summary. The proposer hears of every step: granting and rejecting
    answer the case at the desk, every other step is mailed (kind STEP_KIND), once."""
    if not actor.has_perm("contracts.assess_challengeproposal", proposal):
        raise PermissionDenied
    proposal = _verified_for_processing(proposal)
    motivation = PROPOSAL_MACHINE.check(proposal.status, to_status, motivation)
    extra_update_fields = []
    if to_status == ProposalStatus.EVALUATED:
        errors = FieldErrors()
        if evaluation_outcome not in EvaluationOutcome.values:
            errors.add("evaluation_outcome", _("Kies de uitkomst van de evaluatie."))
        with errors.collect():
            evaluation_summary = clean_text(
                evaluation_summary,
                field="evaluation_summary",
                max_length=5000,
                missing=_("Schrijf een openbare samenvatting van de evaluatie."),
            )
        errors.raise_if_any()
        proposal.evaluation_outcome = evaluation_outcome
        proposal.evaluation_summary = evaluation_summary
        extra_update_fields += ["evaluation_outcome", "evaluation_summary"]
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
    if to_status in PROPOSAL_MOTIVATION_REQUIRED:
        # The motivation of a decision is shown on the proposal's public page.
        proposal.motivation = motivation
        extra_update_fields.append("motivation")
    transition = PROPOSAL_MACHINE.apply(
        proposal,
        to=to_status,
        actor=actor,
        reason=motivation,
        record=ProposalTransition,
        record_for="proposal",
        extra_update_fields=extra_update_fields,
    )
    _tell_the_desk(actor, proposal, to_status, motivation)
    if to_status not in PROPOSAL_MOTIVATION_REQUIRED:
        _tell_the_proposer(proposal, transition)
    return transition


def _tell_the_proposer(proposal: ChallengeProposal, transition: ProposalTransition) -> None:
    """Mail the proposer (the board member, or the group's address) about a step the desk
    does not answer itself; once per step."""
    context = {
        "proposal": proposal,
        "status": proposal.get_status_display(),
        "url": settings.SITE_URL + proposal.get_absolute_url(),
    }
    occasion = f"proposal-step:{transition.pk}"
    if proposal.submitted_by_id:
        due = Due(proposal.submitted_by_id, STEP_KIND, occasion, about=proposal, context=context)
    else:
        due = Due(
            None,
            STEP_KIND,
            occasion,
            about=proposal,
            context=context,
            address=proposal.contact_email,
        )
    mail_queue([due])


def _tell_the_desk(actor: User, proposal: ChallengeProposal, to_status: str, motivation: str):
    """The proposal's case follows the decision (nothing for a proposal from before the
    desk)."""
    if to_status in (ProposalStatus.ADMISSIBLE, ProposalStatus.ASSESSING):
        desk.case_progress_for_subject(actor=actor, subject=proposal, status=CaseStatus.IN_PROGRESS)
    elif to_status in PROPOSAL_MOTIVATION_REQUIRED:
        if to_status == ProposalStatus.GRANTED:
            text = _('De gemeente kent uw uitdaagrechtvoorstel "%(task)s" toe.')
        else:
            text = _('De gemeente wijst uw uitdaagrechtvoorstel "%(task)s" af.')
        text = (text % {"task": proposal.task}) + "\n\n" + motivation
        # The motivation is public: it is on the proposal's page too.
        desk.case_answer_for_subject(actor=actor, subject=proposal, text=text, public=True)
    elif to_status == ProposalStatus.EVALUATED:
        desk.case_progress_for_subject(
            actor=actor,
            subject=proposal,
            status=CaseStatus.CLOSED,
            reason=_("Het voorstel is uitgevoerd en geëvalueerd."),
        )


@transaction.atomic
def proposals_purge_unverified(*, now: datetime.datetime | None = None) -> int:
    """Delete resident groups' proposals whose address was not confirmed within the seven
    days the link is valid: an address and a text nobody confirmed are not kept (AVG).
    Returns how many proposals went. Run daily by the task and the management command."""
    cutoff = (now or timezone.now()) - VERIFY_MAX_AGE
    _count, per_model = ChallengeProposal.objects.filter(
        verified_at__isnull=True, submitted_at__lt=cutoff
    ).delete()
    return per_model.get(ChallengeProposal._meta.label, 0)
