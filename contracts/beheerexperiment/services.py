"""Writes of the budget pilot: the wijkraden's interest in a round and the officer's admission
(up to the round's cap, under a row lock on the round), and the board's spending decisions,
checked against the line's balance under a row lock. The decisions are the ledger: append-only
(never changed or deleted, not even in the admin); a wrong decision is corrected by a reversing
entry, and a line's `spent` is recomputed from the ledger on every write.

An interest registration is a case at the desk (kind "beheerexperiment.interest"): the board
member gets the receipt, the participation officers the new-case mail; the officer's decision
answers the case, which mails the board member."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core import pagecache
from wijkportaal.core.errors import NotFound
from wijkportaal.core.money import ZERO, format_money
from wijkportaal.core.uploads import extension_of, upload_problem
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.desk import services as desk
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import (
    DECISION_DOCUMENT_EXTENSIONS,
    DECISION_DOCUMENT_MAX_BYTES,
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ParticipationStatus,
    PilotParticipation,
    PilotRound,
    signed_amount_expression,
)

INTEREST_CASE_KIND = "beheerexperiment.interest"
# Working days within which an officer admits or declines an interested wijkraad.
INTEREST_CASE_TERM_DAYS = 15


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


def _decision_date_problem(decided_on: datetime.date | None, pilot: BudgetPilot) -> str | None:
    if decided_on is None:
        return _("Vul de datum van het besluit in.")
    if decided_on.year != pilot.year:
        return _("Het besluit valt in het begrotingsjaar %(year)s.") % {"year": pilot.year}
    if decided_on > timezone.localdate():
        return _("Een besluit kan niet in de toekomst liggen.")
    return None


def budget_line_recompute(*, line: BudgetLine) -> Decimal:
    """Set the line's `spent` to the signed sum of its decisions (the ledger: a reversal counts
    negatively) and return it.

    Every service that writes a decision calls this inside its transaction, with the line's
    row locked, so the stored total cannot drift from the ledger; it stays on the row only so a
    decision can lock it and the database CHECK can refuse an overdraw."""
    spent = BudgetDecision.objects.filter(line_id=line.pk).aggregate(
        total=Coalesce(Sum(signed_amount_expression()), ZERO)
    )["total"]
    BudgetLine.objects.filter(pk=line.pk).update(spent=spent)
    line.spent = spent
    return spent


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
    errors = FieldErrors()
    with errors.collect():
        amount = parse_amount(amount)
    date_problem = _decision_date_problem(decided_on, pilot)
    if date_problem:
        errors.add("decided_on", date_problem)
    with errors.collect():
        purpose = clean_text(
            purpose, field="purpose", label=_("het doel van de uitgave"), max_length=300
        )
    with errors.collect():
        recipient = clean_text(
            recipient,
            field="recipient",
            max_length=200,
            missing=_("Vul in wie het geld ontvangt."),
        )
    with errors.collect():
        _validate_document(document)
    if "amount" not in errors and amount > line.balance:
        errors.add(
            "amount",
            _("Dit besluit past niet binnen de post ‘%(line)s’: er is nog %(balance)s beschikbaar.")
            % {"line": line.get_kind_display(), "balance": format_money(line.balance)},
        )
    errors.raise_if_any()
    decision = BudgetDecision.objects.create(
        line=line,
        decided_on=decided_on,
        amount=amount,
        purpose=purpose,
        recipient=recipient,
        document=document or "",
        decided_by=actor,
    )
    budget_line_recompute(line=line)
    pagecache.bump("contracts")  # update() sends no signal
    return decision


@transaction.atomic
def budget_decision_reverse(
    *, actor: User, decision: BudgetDecision, amount, reason: str
) -> BudgetDecision:
    """Correct (part of) a wrong decision with a reversing entry, dated today: it names the
    decision it reverses and why; the original is never edited or deleted. The line is locked
    first (as for a decision), so two corrections at once cannot reverse more than the
    original: a reversal is at most what of the original is not yet reversed."""
    original = BudgetDecision.objects.select_related("line").get(pk=decision.pk)
    line = BudgetLine.objects.select_for_update().get(pk=original.line_id)
    pilot = BudgetPilot.objects.select_related("council").get(pk=line.pilot_id)
    if not actor.has_perm("contracts.decide_budget", pilot):
        raise PermissionDenied
    if original.is_reversal:
        raise ValidationError(
            {
                "__all__": _(
                    "Een correctie kan niet zelf worden gecorrigeerd. Leg een nieuw besluit vast."
                )
            }
        )
    errors = FieldErrors()
    with errors.collect():
        amount = parse_amount(amount)
    with errors.collect():
        reason = clean_text(
            reason,
            field="reason",
            max_length=2000,
            missing=_("Schrijf waarom het besluit wordt gecorrigeerd."),
        )
    reversed_so_far = original.reversals.aggregate(total=Sum("amount"))["total"] or ZERO
    remaining = original.amount - reversed_so_far
    if "amount" not in errors and amount > remaining:
        errors.add(
            "amount",
            _(
                "De correctie is groter dan wat van dit besluit nog over is: hoogstens "
                "%(remaining)s."
            )
            % {"remaining": format_money(remaining)},
        )
    errors.raise_if_any()
    today = timezone.localdate()
    reversal = BudgetDecision.objects.create(
        line=line,
        decided_on=today,
        amount=amount,
        purpose=original.purpose,
        recipient=original.recipient,
        decided_by=actor,
        reverses=original,
        reason=reason,
    )
    budget_line_recompute(line=line)
    pagecache.bump("contracts")  # update() sends no signal
    return reversal


# --- Taking part in a round ------------------------------------------------------------------


@transaction.atomic
def pilot_interest_register(
    *, actor: User, pilot_round: PilotRound, council: NeighbourhoodCouncil, motivation: str
) -> PilotParticipation:
    """A wijkraad's board registers interest in a round of the pilot. Opens its case at the
    desk: the receipt to the board member, the new-case mail to the participation officers."""
    if not actor.has_perm("contracts.register_pilot_interest", council):
        raise NotFound
    pilot_round = PilotRound.objects.select_for_update().get(pk=pilot_round.pk)
    errors = FieldErrors()
    if not pilot_round.interest_open:
        errors.add("__all__", _("Aanmelden voor deze ronde is niet meer mogelijk."))
    elif PilotParticipation.objects.filter(round=pilot_round, council=council).exists():
        errors.add(
            "council",
            _("%(council)s heeft zich al aangemeld voor deze ronde.") % {"council": council.name},
        )
    with errors.collect():
        motivation = clean_text(
            motivation,
            field="motivation",
            label=_("waarom uw wijkraad wil meedoen"),
            max_length=4000,
        )
    errors.raise_if_any()
    participation = PilotParticipation.objects.create(
        round=pilot_round, council=council, motivation=motivation, registered_by=actor
    )
    desk.case_open(
        kind=INTEREST_CASE_KIND,
        title=_("Aanmelding %(council)s voor %(round)s")
        % {"council": council.name, "round": pilot_round.title},
        summary=motivation,
        subject=participation,
        council=council,
        submitted_by=actor,
        received_at=participation.registered_at,
    )
    return participation


@transaction.atomic
def pilot_participation_decide(
    *, actor: User, participation: PilotParticipation, admit: bool, reason: str = ""
) -> PilotParticipation:
    """An officer admits an interested wijkraad (up to the round's cap) or declines it (with a
    reason). The round's row is locked first, so two admissions at the same moment are
    counted one after the other and cannot pass the cap. An admitted wijkraad gets its budget
    pilot for the round's year. The decision answers the case at the desk (mailed once)."""
    if not actor.has_perm("contracts.decide_pilotparticipation", participation):
        raise PermissionDenied
    pilot_round = PilotRound.objects.select_for_update().get(pk=participation.round_id)
    participation = (
        PilotParticipation.objects.select_for_update()
        .select_related("council")
        .get(pk=participation.pk)
    )
    if participation.status != ParticipationStatus.INTERESTED:
        raise ValidationError(
            {
                "__all__": _("Over deze aanmelding is al besloten: %(status)s.")
                % {"status": participation.get_status_display()}
            }
        )
    reason = (reason or "").strip()
    if admit:
        admitted = PilotParticipation.objects.filter(
            round=pilot_round, status=ParticipationStatus.ADMITTED
        ).count()
        if admitted >= pilot_round.cap:
            raise ValidationError(
                {
                    "__all__": _(
                        "Deze ronde is vol: er zijn al %(count)s van de %(cap)s wijkraden "
                        "toegelaten. Wijs de aanmelding af of verhoog eerst het maximum."
                    )
                    % {"count": admitted, "cap": pilot_round.cap}
                }
            )
    elif not reason:
        raise ValidationError({"reason": _("Schrijf waarom de wijkraad niet mee kan doen.")})
    participation.status = ParticipationStatus.ADMITTED if admit else ParticipationStatus.DECLINED
    participation.decision_reason = reason[:4000]
    participation.decided_by = actor
    participation.decided_at = timezone.now()
    participation.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    names = {"council": participation.council.name, "round": pilot_round.title}
    if admit:
        pilot, created = BudgetPilot.objects.get_or_create(
            council=participation.council,
            year=pilot_round.year,
            defaults={"round": pilot_round},
        )
        if not created and pilot.round_id is None:
            BudgetPilot.objects.filter(pk=pilot.pk).update(round=pilot_round)
        text = _("%(council)s is toegelaten tot %(round)s.") % names
    else:
        text = _("%(council)s kan niet meedoen aan %(round)s.") % names
    if reason:
        text += "\n\n" + reason
    desk.case_answer_for_subject(actor=actor, subject=participation, text=text, public=False)
    return participation
