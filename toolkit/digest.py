"""The toolkit's part of the progress digest: new know-how for wijkraad members — general
contributions, and those about a kind of channel one of my wijkraden uses — not my own. Four
queries per batch of readers, whatever their number."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.notifications.digests import DigestItem, local_zone
from wijkportaal.wijkraden.selectors import councils_of_people

from .models import Channel, KnowHowEntry

GROUP = (40,)


def know_how_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    earliest = min(since_by_user.values())
    entries = list(
        KnowHowEntry.objects.filter(published_at__gte=earliest, published_at__lt=until)
        .prefetch_related("channel_kinds")
        .order_by("published_at", "pk")
    )
    if not entries:
        return {}
    councils_of = councils_of_people(user_ids)
    if not councils_of:
        return {}
    kinds_of_council: dict[int, set[int]] = defaultdict(set)
    for council_id, kind_id in Channel.objects.filter(
        council_id__in=set().union(*councils_of.values())
    ).values_list("council_id", "kind_id"):
        kinds_of_council[council_id].add(kind_id)
    zone = local_zone()
    title, url = _("Nieuwe kennis in de toolkit"), reverse("toolkit:entry-list")
    prepared = [
        (
            entry,
            {kind.pk for kind in entry.channel_kinds.all()},
            DigestItem(
                GROUP,
                title,
                url,
                label=entry.get_kind_display(),
                title=entry.title,
                url=entry.get_absolute_url(),
                text=entry.summary,
                when_label=date_format(entry.published_at.astimezone(zone), "j F Y"),
                order=(entry.published_at,),
            ),
        )
        for entry in entries
    ]
    result: dict[int, list[DigestItem]] = {}
    for user in users:
        councils = councils_of.get(user.pk)
        if not councils:
            continue
        since = since_by_user[user.pk]
        kinds = set().union(*(kinds_of_council.get(c, set()) for c in councils))
        items = [
            item
            for entry, entry_kinds, item in prepared
            if entry.author_id != user.pk
            and since <= entry.published_at < until
            and (not entry_kinds or entry_kinds & kinds)
        ]
        if items:
            result[user.pk] = items
    return result
