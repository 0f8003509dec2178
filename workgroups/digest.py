"""The workgroups' part of the progress digest: new agendas, minutes and deliverables of the
workgroups I sit in or chair, one group per workgroup. Four queries per batch of readers,
whatever their number."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wijkportaal.notifications.digests import DigestItem, local_zone

from .models import Deliverable, DeliverableStatus, Meeting, Workgroup, WorkgroupMember

GROUP = 20


def workgroups_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    workgroups_of: dict[int, set[int]] = defaultdict(set)
    for workgroup_id, person_id in WorkgroupMember.objects.filter(
        person_id__in=user_ids
    ).values_list("workgroup_id", "person_id"):
        workgroups_of[person_id].add(workgroup_id)
    for workgroup_id, chair_id in Workgroup.objects.filter(chair_id__in=user_ids).values_list(
        "pk", "chair_id"
    ):
        workgroups_of[chair_id].add(workgroup_id)
    workgroup_ids = set().union(*workgroups_of.values()) if workgroups_of else set()
    if not workgroup_ids:
        return {}
    earliest = min(since_by_user.values())
    zone = local_zone()
    # (workgroup, moment, label, title, url, text) of everything new in the widest period.
    events = []
    for meeting in (
        Meeting.objects.filter(workgroup_id__in=workgroup_ids)
        .filter(
            Q(agenda_published_at__gte=earliest, agenda_published_at__lt=until)
            | Q(minutes_published_at__gte=earliest, minutes_published_at__lt=until)
        )
        .select_related("workgroup")
    ):
        starts = date_format(meeting.starts_at.astimezone(zone), "j F Y")
        if meeting.agenda_published_at and earliest <= meeting.agenda_published_at < until:
            events.append(
                (
                    meeting.workgroup,
                    meeting.agenda_published_at,
                    _("Agenda gepubliceerd"),
                    _("%(title)s op %(date)s") % {"title": meeting.title, "date": starts},
                    meeting.get_absolute_url(),
                    Truncator(meeting.agenda).chars(240),
                )
            )
        if meeting.minutes_published_at and earliest <= meeting.minutes_published_at < until:
            events.append(
                (
                    meeting.workgroup,
                    meeting.minutes_published_at,
                    _("Verslag gepubliceerd"),
                    _("%(title)s op %(date)s") % {"title": meeting.title, "date": starts},
                    meeting.get_absolute_url(),
                    Truncator(meeting.minutes).chars(240),
                )
            )
    for deliverable in Deliverable.objects.filter(
        workgroup_id__in=workgroup_ids,
        status=DeliverableStatus.DONE,
        completed_at__gte=earliest,
        completed_at__lt=until,
    ).select_related("workgroup"):
        events.append(
            (
                deliverable.workgroup,
                deliverable.completed_at,
                _("Opbrengst opgeleverd"),
                deliverable.title,
                deliverable.get_absolute_url(),
                Truncator(deliverable.text).chars(240),
            )
        )
    if not events:
        return {}
    prepared = [
        (
            workgroup.pk,
            moment,
            {
                "group_key": (GROUP, workgroup.name),
                "group_title": _("Werkgroep %(name)s") % {"name": workgroup.name},
                "group_url": workgroup.get_absolute_url(),
                "label": label,
                "title": title,
                "url": url,
                "text": text,
                "when_label": date_format(moment.astimezone(zone), "j F Y"),
                "order": (moment,),
            },
        )
        for workgroup, moment, label, title, url, text in events
    ]
    result: dict[int, list[DigestItem]] = {}
    for user in users:
        since, mine = since_by_user[user.pk], workgroups_of.get(user.pk, set())
        items = [
            DigestItem(**fields)
            for workgroup_id, moment, fields in prepared
            if workgroup_id in mine and since <= moment < until
        ]
        if items:
            result[user.pk] = items
    return result
