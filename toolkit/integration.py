"""What the toolkit adds to other pages through the core registry."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors

ACTION_KEY = "toolkit-communicatie"


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    """The toolkit action on /voortgang/ links to the toolkit."""
    from recommendations.models import ActionItem

    action = ActionItem.objects.filter(key=ACTION_KEY, pk__in=action_ids).only("pk").first()
    if action is None:
        return {}
    return {
        action.pk: [
            {
                "label": _("Toolkit communicatiemiddelen"),
                "url": reverse("toolkit:index"),
                "kind": "toolkit",
            }
        ]
    }


def council_section(request, council):
    """The channels on /wijkraden/<slug>/: no addresses, only the "ask" link where the contact
    person agreed to it."""
    channels = selectors.council_channels(council)
    can_edit = request.user.has_perm("toolkit.change_inventory", council)
    if not channels and not can_edit:
        return None
    return {"channels": channels, "council": council, "can_edit": can_edit}
