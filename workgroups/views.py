"""Pages of the workgroups (/werkgroepen/) and contact moments (/contactmomenten/)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkportaal.core.ical import CalendarEvent, calendar_response
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.uploads import download_response
from wijkportaal.core.web import apply_errors, authorize, paginate, permission_required_or_404
from wijkportaal.desk.hooks import find_case_kind
from wijkportaal.desk.promise import case_promise_message
from wijkportaal.desk.selectors import case_for_subject
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .forms import AgendaForm, ContactFeedbackForm, DeliverableCompleteForm, MinutesForm
from .models import ContactMomentKind, Deliverable, Meeting, Workgroup

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("workgroups", "roles")


@public_page(SCOPES)
def workgroup_list(request):
    return render(
        request, "workgroups/workgroup_list.html", {"workgroups": selectors.workgroup_list()}
    )


@public_page(SCOPES)
def workgroup_detail(request, slug):
    workgroup = selectors.workgroup_detail(slug)
    drafts = request.user.has_perm("workgroups.view_drafts", workgroup)
    now = timezone.now()
    meetings = [
        {
            "meeting": meeting,
            "show_agenda": bool(meeting.agenda) and (drafts or meeting.agenda_published_at),
            "show_minutes": bool(meeting.minutes) and (drafts or meeting.minutes_published_at),
            "happened": meeting.starts_at <= now,
        }
        for meeting in workgroup.meeting_list
    ]
    deliverables = [d for d in workgroup.deliverable_list if drafts or d.published_at is not None]
    return render(
        request,
        "workgroups/workgroup_detail.html",
        {
            "workgroup": workgroup,
            "upcoming": [m for m in meetings if not m["happened"]],
            "past": [m for m in meetings if m["happened"]][::-1],
            "deliverables": deliverables,
            "drafts": drafts,
            "can_run": request.user.has_perm("workgroups.run_meeting", workgroup),
            "can_complete": request.user.has_perm("workgroups.complete_deliverable", workgroup),
        },
    )


def _calendar_event(uid: str, summary: str, item, *, description: str) -> CalendarEvent:
    """A meeting or a contact moment: both have a start, an end, a place and a page."""
    return CalendarEvent(
        uid=uid,
        summary=summary,
        start=item.starts_at,
        end=item.ends_at,
        location=item.place,
        description=description,
        url=item.get_absolute_url(),
    )


@public_page(SCOPES)
def workgroup_ical(request, slug):
    workgroup = get_object_or_404(Workgroup, slug=slug)
    events = [
        _calendar_event(
            f"werkgroep-vergadering-{m.pk}",
            f"{workgroup.name}: {m.title}",
            m,
            description=m.agenda if m.agenda_published_at else "",
        )
        for m in workgroup.meetings.order_by("starts_at")
    ]
    return calendar_response(workgroup.name, events, filename=f"werkgroep-{workgroup.slug}.ics")


def deliverable_download(request, slug, pk):
    """The document of a deliverable, as an attachment. A draft (not yet published) is only
    for the workgroup's members and officers; for anyone else it does not exist (404)."""
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("workgroup").exclude(document=""),
        pk=pk,
        workgroup__slug=slug,
    )
    if deliverable.published_at is None and not request.user.has_perm(
        "workgroups.view_drafts", deliverable.workgroup
    ):
        raise Http404
    return download_response(deliverable.document)


@require_http_methods(["GET", "POST"])
def meeting_manage(request, slug, pk):
    meeting = get_object_or_404(
        Meeting.objects.select_related("workgroup"), pk=pk, workgroup__slug=slug
    )
    authorize(request, "workgroups.run_meeting", meeting)
    members = list(meeting.workgroup.members.select_related("person", "council", "department"))
    agenda_form = AgendaForm(initial={"agenda": meeting.agenda}, prefix="agenda")
    minutes_form = MinutesForm(
        initial={
            "minutes": meeting.minutes,
            "attendees": [str(pk) for pk in meeting.attendees.values_list("pk", flat=True)],
        },
        members=members,
        prefix="verslag",
    )
    if request.method == "POST":
        try:
            if "publish_agenda" in request.POST:
                agenda_form = AgendaForm(request.POST, prefix="agenda")
                if agenda_form.is_valid():
                    services.meeting_agenda_publish(
                        actor=request.user,
                        meeting=meeting,
                        agenda=agenda_form.cleaned_data["agenda"],
                    )
                    messages.success(request, _("De agenda is gepubliceerd."))
                    return redirect(meeting.get_absolute_url())
            else:
                minutes_form = MinutesForm(request.POST, members=members, prefix="verslag")
                if minutes_form.is_valid():
                    services.meeting_minutes_publish(
                        actor=request.user,
                        meeting=meeting,
                        minutes=minutes_form.cleaned_data["minutes"],
                        attendee_ids=[int(pk) for pk in minutes_form.cleaned_data["attendees"]],
                    )
                    messages.success(request, _("Het verslag is gepubliceerd."))
                    return redirect(meeting.get_absolute_url())
        except ValidationError as error:
            apply_errors(agenda_form if "publish_agenda" in request.POST else minutes_form, error)
    return render(
        request,
        "workgroups/meeting_manage.html",
        {
            "meeting": meeting,
            "workgroup": meeting.workgroup,
            "agenda_form": agenda_form,
            "minutes_form": minutes_form,
            "happened": meeting.has_happened(),
        },
    )


@require_http_methods(["GET", "POST"])
def deliverable_complete(request, slug, pk):
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("workgroup", "action"), pk=pk, workgroup__slug=slug
    )
    authorize(request, "workgroups.complete_deliverable", deliverable)
    form = DeliverableCompleteForm(initial={"text": deliverable.text, "complete_action": True})
    if request.method == "POST":
        form = DeliverableCompleteForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.deliverable_complete(
                    actor=request.user,
                    deliverable=deliverable,
                    text=form.cleaned_data["text"],
                    document=form.cleaned_data.get("document") or None,
                    complete_action=form.cleaned_data["complete_action"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De opbrengst is opgeleverd en gepubliceerd."))
                return redirect(deliverable.get_absolute_url())
    return render(
        request,
        "workgroups/deliverable_complete.html",
        {"deliverable": deliverable, "workgroup": deliverable.workgroup, "form": form},
    )


@public_page(SCOPES)
def contactmoment_overview(request):
    kinds, by_department = selectors.contact_overview()
    councils = (
        NeighbourhoodCouncil.objects.active()
        .select_related("district")
        .order_by("district__name", "name")
    )
    page = paginate(request, councils, per_page=60)
    return render(
        request,
        "workgroups/contactmoment_overview.html",
        {
            "kinds": kinds,
            "by_department": by_department,
            "councils": page.object_list,
            "page": page,
            "can_see_bottlenecks": request.user.has_perm("workgroups.view_bottlenecks"),
        },
    )


@public_page(SCOPES)
@require_http_methods(["GET", "POST"])
def contactmoment_calendar(request, slug):
    council = get_object_or_404(NeighbourhoodCouncil, slug=slug)
    moments = selectors.council_calendar(council)
    can_give_feedback = request.user.has_perm("workgroups.add_contactfeedback", council)
    form = None
    if can_give_feedback:
        kinds = list(ContactMomentKind.objects.order_by("order", "name"))
        form = ContactFeedbackForm(
            request.POST if request.method == "POST" else None,
            council=council,
            occurrences=moments,
            kinds=kinds,
        )
    if request.method == "POST":
        authorize(request, "workgroups.add_contactfeedback", council)
        if form.is_valid():
            kind, occurrence = form.target()
            try:
                feedback = services.contact_feedback_create(
                    actor=request.user,
                    council=council,
                    kind=kind,
                    occurrence=occurrence,
                    type=form.cleaned_data["type"],
                    text=form.cleaned_data["text"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    case_promise_message(
                        _("Bedankt: uw reactie is doorgegeven aan de gemeente."),
                        case_for_subject(feedback),
                    ),
                )
                return redirect("workgroups:contactmoment-calendar", slug=council.slug)
    now = timezone.now()
    return render(
        request,
        "workgroups/contactmoment_calendar.html",
        {
            "council": council,
            "upcoming": [m for m in moments if m.starts_at >= now],
            "past": [m for m in moments if m.starts_at < now][::-1],
            "form": form,
            "terms": {
                "feedback": find_case_kind(services.FEEDBACK_CASE).term_days,
                "bottleneck": find_case_kind(services.BOTTLENECK_CASE).term_days,
            },
        },
    )


@public_page(SCOPES)
def contactmoment_ical(request, slug):
    council = get_object_or_404(NeighbourhoodCouncil, slug=slug)
    since = timezone.now() - datetime.timedelta(days=90)
    moments = council.contact_moments.filter(starts_at__gte=since).select_related("kind")
    events = [
        _calendar_event(
            f"contactmoment-{m.pk}", f"{m.kind.name} — {council.name}", m, description=m.notes
        )
        for m in moments
    ]
    return calendar_response(
        _("Contactmomenten %(name)s") % {"name": council.name},
        events,
        filename=f"contactmomenten-{council.slug}.ics",
    )


@permission_required_or_404("workgroups.view_bottlenecks")
def bottleneck_list(request):
    page = paginate(request, selectors.bottlenecks())
    totals = selectors.bottleneck_counts()
    # A department's heading counts all its bottlenecks, also those on other pages.
    by_department = [
        (department, rows, totals.get(department.pk, len(rows)))
        for department, rows in selectors.bottlenecks_by_department(page.object_list)
    ]
    return render(
        request,
        "workgroups/bottleneck_list.html",
        {"page": page, "by_department": by_department},
    )


def council_contact_section(request, council):
    """Upcoming contact moments on /wijkraden/<slug>/."""
    return {"council": council, "moments": selectors.upcoming_contact_moments(council)}


def my_workgroups_section(request, user):
    """On /mijn/: the workgroups I sit in or chair, with their next meeting."""
    workgroups = selectors.my_workgroups(user)
    if not workgroups:
        return None
    return {"workgroups": workgroups}
