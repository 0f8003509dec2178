from django import template

from contracts.services import format_euro

register = template.Library()


@register.filter
def euro(amount) -> str:
    """Show an exact amount in Dutch notation: € 1.234,50."""
    if amount is None or amount == "":
        return "—"
    return f"€ {format_euro(amount)}"
