"""Writes of the budget pilot: the board's spending decisions, checked against the line's
balance under a row lock. The decisions are the ledger: append-only (never changed or deleted,
not even in the admin), and a line's `spent` is recomputed from them on every write."""

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
from wijkportaal.core.money import ZERO, format_money
from wijkportaal.core.uploads import extension_of, upload_problem
from wijkportaal.core.validation import FieldErrors, clean_text

from .models import (
    DECISION_DOCUMENT_EXTENSIONS,
    DECISION_DOCUMENT_MAX_BYTES,
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
)


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
    """Set the line's `spent` to the sum of its decisions (the ledger) and return it.

    Every service that writes a decision calls this inside its transaction, with the line's
    row locked, so the stored total cannot drift from the ledger; it stays on the row only so a
    decision can lock it and the database CHECK can refuse an overdraw."""
    spent = BudgetDecision.objects.filter(line_id=line.pk).aggregate(
        total=Coalesce(Sum("amount"), ZERO)
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
    return decision
