"""Reminders through the outbox: a workgroup meeting in 2 days (its members), a deliverable
due in 7 days (the chair), a contact moment in 3 days (that wijkraad's members). Each finder
runs a constant number of queries, whatever the number of recipients."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.wijkraden.models import Membership

from .models import ContactMoment, Deliverable, DeliverableStatus, Meeting, WorkgroupMember

GENERIC = "notifications/email/generic"


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "l j F Y, H:i")


def meetings_due(now: datetime.datetime):
    meetings = list(
        Meeting.objects.filter(starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=2))
        .select_related("workgroup")
        .order_by("pk")
    )
    if not meetings:
        return
    seats: dict[int, set[int]] = {}
    for workgroup_id, person_id in WorkgroupMember.objects.filter(
        workgroup_id__in={m.workgroup_id for m in meetings}
    ).values_list("workgroup_id", "person_id"):
        seats.setdefault(workgroup_id, set()).add(person_id)
    for meeting in meetings:
        recipients = set(seats.get(meeting.workgroup_id, set()))
        if meeting.workgroup.chair_id:
            recipients.add(meeting.workgroup.chair_id)
        context = {
            "subject": _("Vergadering van %(workgroup)s op %(when)s")
            % {"workgroup": meeting.workgroup.name, "when": _when(meeting.starts_at)},
            "text": _("De werkgroep %(workgroup)s vergadert %(when)s in %(place)s: %(title)s.")
            % {
                "workgroup": meeting.workgroup.name,
                "when": _when(meeting.starts_at),
                "place": meeting.place,
                "title": meeting.title,
            },
            "link": settings.SITE_URL.rstrip("/") + meeting.get_absolute_url(),
            "link_label": _("Agenda en stukken"),
        }
        for recipient_id in sorted(recipients):
            yield Due(
                recipient_id, "workgroup_meeting", f"meeting:{meeting.pk}:2d", meeting, context
            )


def deliverables_due(now: datetime.datetime):
    today = timezone.localdate(now)
    deliverables = (
        Deliverable.objects.filter(
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=7),
            workgroup__chair__isnull=False,
        )
        .exclude(status=DeliverableStatus.DONE)
        .select_related("workgroup")
        .order_by("pk")
    )
    for deliverable in deliverables:
        context = {
            "subject": _("Opbrengst „%(title)s” moet %(due)s klaar zijn")
            % {"title": deliverable.title, "due": date_format(deliverable.due_date, "j F Y")},
            "text": _(
                "Als voorzitter van %(workgroup)s: de opbrengst „%(title)s” staat gepland voor "
                "%(due)s."
            )
            % {
                "workgroup": deliverable.workgroup.name,
                "title": deliverable.title,
                "due": date_format(deliverable.due_date, "j F Y"),
            },
            "link": settings.SITE_URL.rstrip("/") + deliverable.get_absolute_url(),
            "link_label": _("Naar de werkgroep"),
        }
        yield Due(
            deliverable.workgroup.chair_id,
            "deliverable_due",
            f"deliverable:{deliverable.pk}:7d",
            deliverable,
            context,
        )


def contact_moments_due(now: datetime.datetime):
    moments = list(
        ContactMoment.objects.filter(
            starts_at__gt=now, starts_at__lte=now + datetime.timedelta(days=3)
        )
        .select_related("kind", "council")
        .order_by("pk")
    )
    if not moments:
        return
    members: dict[int, set[int]] = {}
    for council_id, person_id in (
        Membership.objects.current(timezone.localdate(now))
        .filter(council_id__in={m.council_id for m in moments})
        .values_list("council_id", "person_id")
    ):
        members.setdefault(council_id, set()).add(person_id)
    for moment in moments:
        context = {
            "subject": _("%(kind)s op %(when)s")
            % {"kind": moment.kind.name, "when": _when(moment.starts_at)},
            "text": _("Voor %(council)s staat %(when)s een %(kind)s gepland in %(place)s.")
            % {
                "council": moment.council.name,
                "when": _when(moment.starts_at),
                "kind": moment.kind.name.lower(),
                "place": moment.place,
            },
            "link": settings.SITE_URL.rstrip("/") + moment.get_absolute_url(),
            "link_label": _("Agenda met contactmomenten"),
        }
        for recipient_id in sorted(members.get(moment.council_id, set())):
            yield Due(
                recipient_id, "contact_moment", f"contactmoment:{moment.pk}:3d", moment, context
            )


PLUGINS = [
    NotificationKind(
        "workgroup_meeting", gettext_lazy("Een vergadering van mijn werkgroep komt eraan"), GENERIC
    ),
    NotificationKind(
        "deliverable_due",
        gettext_lazy("Een opbrengst van mijn werkgroep moet bijna klaar zijn"),
        GENERIC,
    ),
    NotificationKind(
        "contact_moment", gettext_lazy("Een contactmoment van mijn wijkraad komt eraan"), GENERIC
    ),
    ReminderSource("workgroups.meetings", find_due=meetings_due),
    ReminderSource("workgroups.deliverables", find_due=deliverables_due),
    ReminderSource("workgroups.contact_moments", find_due=contact_moments_due),
]
