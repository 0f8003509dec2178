from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from wijkportaal.core import pagecache
from wijkportaal.core.markdown import render_markdown
from wijkportaal.core.money import format_money
from wijkportaal.core.opendata import CATALOGUE_URL_NAME, LICENCE
from wijkportaal.core.registry import registry

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ entry.body|markdown }}: user Markdown rendered and sanitised."""
    return render_markdown(text)


@register.filter
def euro(amount) -> str:
    """{{ amount|euro }}: € 1.234,50 in Dutch, €1,234.50 in English, — for nothing."""
    return format_money(amount)


def _render_section(section, request, obj) -> str:
    data = section.context(request, obj)
    if data is None:
        return ""
    return render_to_string(section.template, {"data": data}, request=request)


@register.simple_tag(takes_context=True)
def page_sections(context, slot: str, obj=None):
    """Render the sections apps registered for `slot` (see core/registry.py); a section with
    `scopes` is kept rendered per audience until its data changes."""
    request = context["request"]
    parts = []
    for section in registry.sections(slot):
        if section.scopes and section.audience is not None:
            audience = section.audience(request, obj)
            if audience is None:
                continue
            parts.append(
                pagecache.fragment(
                    f"section:{section.key}",
                    section.scopes,
                    lambda section=section: _render_section(section, request, obj),
                    vary=audience,
                )
            )
        else:
            parts.append(_render_section(section, request, obj))
    # Each part is a rendered template (escaped where it needed to be): joined, still safe.
    return mark_safe("".join(parts))  # noqa: S308


@register.inclusion_tag("core/open_data_licence.html")
def open_data_licence():
    """{% open_data_licence %}: the open data licence (CC0 1.0) and the link to the DCAT-AP-NL
    catalogue, for the open data page."""
    return {"open_data_licence": LICENCE, "open_data_catalogue_url": reverse(CATALOGUE_URL_NAME)}
