"""What the recommendations app adds to core pages: headline figures on the home page and the
"what I follow" block on /mijn/."""

from __future__ import annotations

from django.utils.translation import gettext as _

from . import selectors, services


def headline_figures() -> list[dict]:
    headline = selectors.monitor_summary()["headline"]
    return [
        {
            "value": f"{headline['progress']}%",
            "label": _("gemiddelde voortgang van de acties"),
            "url_name": "recommendations:index",
        },
        {
            "value": headline["done"],
            "label": _("acties afgerond"),
            "url_name": "recommendations:index",
        },
    ]


def my_page_section(request, user) -> dict:
    """What the user follows and what changed since the previous visit to /mijn/ (this visit is
    then remembered)."""
    previous = services.my_page_visit_record(user=user)
    return selectors.my_follows(user, previous)
