"""The training part of the progress digest: new sessions (still to come) of modules on the
topics my wijkraad wished for most — ranked in its top three in an inventory round. For the
wijkraad's current members. Five queries per batch of readers, whatever their number."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.notifications.digests import DigestItem, local_zone
from wijkportaal.wijkraden.selectors import councils_of_people

from .models import Module, Session, TopicRank

GROUP = (30,)
# A topic a wijkraad ranked this high is one it wished for.
WISHED_RANKS = 3


def new_sessions_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    councils_of = councils_of_people(user_ids)
    if not councils_of:
        return {}
    wished: dict[int, set[int]] = defaultdict(set)  # topic id → wijkraden that wished it
    for council_id, topic_id in TopicRank.objects.filter(
        answer__council_id__in=set().union(*councils_of.values()), rank__lte=WISHED_RANKS
    ).values_list("answer__council_id", "topic_id"):
        wished[topic_id].add(council_id)
    if not wished:
        return {}
    earliest = min(since_by_user.values())
    # A session's creation is the "+" row of its history.
    created = dict(
        Session.history.filter(
            history_type="+", history_date__gte=earliest, history_date__lt=until
        ).values_list("id", "history_date")
    )
    if not created:
        return {}
    sessions = list(
        Session.objects.filter(pk__in=created, starts_at__gte=until)
        .select_related("module")
        .order_by("starts_at", "pk")
    )
    if not sessions:
        return {}
    councils_of_module: dict[int, set[int]] = defaultdict(set)
    for module_id, topic_id in Module.topics.through.objects.filter(
        module_id__in={session.module_id for session in sessions}, topic_id__in=wished
    ).values_list("module_id", "topic_id"):
        councils_of_module[module_id] |= wished[topic_id]
    zone = local_zone()
    title, url = _("Scholing op onderwerpen die uw wijkraad wenste"), reverse("training:index")
    prepared = [
        (
            session,
            DigestItem(
                GROUP,
                title,
                url,
                label=_("Nieuwe bijeenkomst"),
                title=session.module.title,
                url=session.get_absolute_url(),
                text=session.location or _("online"),
                when_label=date_format(session.starts_at.astimezone(zone), "l j F Y, H:i"),
                order=(session.starts_at,),
            ),
        )
        for session in sessions
        if councils_of_module.get(session.module_id)
    ]
    result: dict[int, list[DigestItem]] = {}
    for user in users:
        since, councils = since_by_user[user.pk], councils_of.get(user.pk, set())
        items = [
            item
            for session, item in prepared
            if councils & councils_of_module[session.module_id]
            and since <= created[session.pk] < until
        ]
        if items:
            result[user.pk] = items
    return result
