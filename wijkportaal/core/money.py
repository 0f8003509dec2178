"""Amounts of money, shown in the reader's language: € 1.234,50 in Dutch, €1,234.50 in
English. Amounts are Decimals with two places; the template filter `euro` (core's `portal`
tags) calls `format_money`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.formats import number_format

EMPTY = "—"
ZERO = Decimal("0.00")
# The DecimalField arguments of an amount in euros: up to ten billion, in cents.
MONEY_FIELD = {"max_digits": 12, "decimal_places": 2}


def format_money(amount, *, empty: str = EMPTY) -> str:
    """The amount in the active language's notation, with the euro sign; `empty` for None."""
    if amount is None or amount == "":
        return empty
    try:
        value = Decimal(amount).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return empty
    digits = number_format(abs(value), decimal_pos=2, use_l10n=True, force_grouping=True)
    sign = "-" if value < 0 else ""
    if (translation.get_language() or "nl").startswith("nl"):
        return f"€ {sign}{digits}"
    return f"{sign}€{digits}"
