"""Atom feeds of the progress updates: all of them, and per recommendation."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import selectors
from .models import Recommendation


class ProgressFeed(Feed):
    feed_type = Atom1Feed

    def title(self, obj=None):
        return _("Voortgang van de aanbevelingen — %(name)s") % {"name": settings.MUNICIPALITY_NAME}

    def subtitle(self, obj=None):
        return _("Alle voortgangsberichten over de acties bij de aanbevelingen.")

    def link(self, obj=None):
        return "/voortgang/"

    def items(self, obj=None):
        return selectors.latest_updates(limit=50)

    def item_title(self, item):
        if item.status_changed:
            return _("%(action)s: %(before)s → %(after)s") % {
                "action": item.action.title,
                "before": item.get_status_before_display(),
                "after": item.get_status_after_display(),
            }
        return _("%(action)s: %(progress)s%% gereed") % {
            "action": item.action.title,
            "progress": item.progress_after,
        }

    def item_description(self, item):
        # The feed generator escapes this text; it is never rendered as HTML.
        return item.text

    def item_link(self, item):
        return f"{item.action.get_absolute_url()}#update-{item.pk}"

    def item_guid(self, item):
        return f"{item.action.get_absolute_url()}#update-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.author.display_name


class RecommendationFeed(ProgressFeed):
    def get_object(self, request, number):
        recommendation = Recommendation.objects.filter(number=number).first()
        if recommendation is None:
            raise Http404(_("Er is geen aanbeveling met nummer %(n)s.") % {"n": number})
        return recommendation

    def title(self, obj=None):
        return _("Voortgang van aanbeveling %(n)s: %(title)s") % {
            "n": obj.number,
            "title": obj.title,
        }

    def subtitle(self, obj=None):
        return _("Voortgangsberichten over de acties bij deze aanbeveling.")

    def link(self, obj=None):
        return obj.get_absolute_url()

    def items(self, obj=None):
        return selectors.latest_updates(recommendation=obj, limit=50)
