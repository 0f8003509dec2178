"""The desk's part of the progress digest: answers to my cases, that is, to what I submitted
and to what my wijkraad submitted when I sit on its board. Two queries per batch of readers."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wijkportaal.notifications.digests import DigestItem, local_zone
from wijkportaal.wijkraden.selectors import councils_of_people

from .models import Case

GROUP_KEY = (5,)


def answers_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    earliest = min(since_by_user.values())
    # Few cases are answered in one digest period: take those of a wijkraad or of a reader,
    # then see whose they are.
    answered = list(
        Case.objects.filter(answered_at__gte=earliest, answered_at__lt=until)
        .filter(Q(submitted_by_id__in=user_ids) | Q(council_id__isnull=False))
        .select_related("department")
        .order_by("answered_at", "pk")
    )
    if not answered:
        return {}
    board_of = councils_of_people(
        user_ids, council_ids={case.council_id for case in answered}, board_only=True
    )
    zone = local_zone()
    title, url = _("Antwoorden op uw verzoeken"), reverse("desk:case-list")
    label = _("Beantwoord door %(department)s")
    prepared = {
        case.pk: {
            "label": label % {"department": case.department.name},
            "title": case.title,
            "url": reverse("desk:case-detail", args=[case.pk]),
            "text": Truncator(case.answer).chars(240),
            "when_label": date_format(case.answered_at.astimezone(zone), "j F Y"),
            "order": (case.answered_at,),
        }
        for case in answered
    }
    result: dict[int, list[DigestItem]] = {}
    for user in users:
        since = since_by_user[user.pk]
        items = [
            DigestItem(GROUP_KEY, title, url, **prepared[case.pk])
            for case in answered
            if since <= case.answered_at < until
            and case.answered_by_id != user.pk
            and (case.submitted_by_id == user.pk or case.council_id in board_of.get(user.pk, ()))
        ]
        if items:
            result[user.pk] = items
    return result
