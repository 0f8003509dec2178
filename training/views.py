from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkportaal.core.ical import CalendarEvent, calendar_response
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import (
    apply_errors,
    authorize,
    login_required_or_404,
    message_errors,
    paginate,
    query_with,
)
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .forms import ConferenceRegistrationForm, ConferenceStatusForm, InventoryAnswerForm
from .models import (
    CONFERENCE_MACHINE,
    Conference,
    ConferenceRegistration,
    ConferenceStatus,
    Enrolment,
    SeatStatus,
    Session,
)

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("training", "roles")

# --- programme and sessions -----------------------------------------------------------------


@public_page(SCOPES)
def programme(request):
    page = paginate(request, selectors.programme(), per_page=10)
    return render(
        request,
        "training/module_list.html",
        {
            "page": page,
            "modules": page.object_list,
            "onboarding": selectors.onboarding_path(),
            "rounds": selectors.training_rounds()[:5],
        },
    )


@public_page(SCOPES)
def module_detail(request, slug):
    return render(request, "training/module_detail.html", {"module": selectors.module_detail(slug)})


@public_page(SCOPES)
def session_detail(request, pk):
    session = selectors.session_detail(pk)
    enrolment = None
    position = None
    if request.user.is_authenticated:
        enrolment = Enrolment.objects.filter(session=session, person=request.user).first()
        if enrolment and enrolment.status == SeatStatus.WAITING:
            position = session.enrolments.filter(
                status=SeatStatus.WAITING, requested_at__lte=enrolment.requested_at
            ).count()
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "enrolment": enrolment,
            "position": position,
            "seats_left": max(session.capacity - session.enrolled_count, 0),
            "is_past": session.starts_at <= timezone.now(),
            "can_enrol": request.user.has_perm("training.enrol_session"),
            "can_record": request.user.has_perm("training.record_attendance", session),
        },
    )


@require_POST
def session_enrol(request, pk):
    session = get_object_or_404(Session, pk=pk)
    # After the login, back to the session's page: this address only answers POST.
    login_required_or_404(request, next_url=session.get_absolute_url())
    try:
        enrolment = services.enrolment_create(actor=request.user, session=session)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("U kunt zich niet inschrijven."))
    except ValidationError as error:
        message_errors(request, error)
    else:
        if enrolment.status == SeatStatus.ENROLLED:
            messages.success(request, _("U bent ingeschreven. De bevestiging komt per e-mail."))
        else:
            messages.warning(
                request,
                _(
                    "De bijeenkomst is vol: u staat op de wachtlijst. Komt er een plaats vrij, "
                    "dan schuift u automatisch door en krijgt u meteen een e-mail."
                ),
            )
    return redirect(session.get_absolute_url())


@require_POST
def session_cancel(request, pk):
    session = get_object_or_404(Session, pk=pk)
    login_required_or_404(request, next_url=session.get_absolute_url())
    enrolment = get_object_or_404(Enrolment, session=session, person=request.user)
    try:
        services.enrolment_cancel(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        message_errors(request, error)
    else:
        messages.success(request, _("U bent afgemeld voor deze bijeenkomst."))
    return redirect(session.get_absolute_url())


def _session_event(session: Session) -> CalendarEvent:
    return CalendarEvent(
        uid=f"sessie-{session.pk}",
        summary=session.module.title,
        start=session.starts_at,
        end=session.ends_at,
        location=session.location or session.online_url,
        description=f"Trainer: {session.trainer}\n{session.module.goals}",
        url=session.get_absolute_url(),
    )


def _conference_event(conference: Conference) -> CalendarEvent:
    return CalendarEvent(
        uid=f"conferentie-{conference.slug}",
        summary=f"Wijkradenconferentie {conference.year}: {conference.theme}",
        start=conference.starts_at,
        end=conference.ends_at,
        location=", ".join(part for part in [conference.venue, conference.address] if part),
        description=conference.description,
        url=conference.get_absolute_url(),
    )


@public_page(SCOPES)
def session_ical(request, pk):
    session = get_object_or_404(Session.objects.select_related("module"), pk=pk)
    return calendar_response(
        session.module.title, [_session_event(session)], filename=f"scholing-{session.pk}.ics"
    )


@public_page(SCOPES)
def programme_ical(request):
    sessions = Session.objects.upcoming().select_related("module")
    return calendar_response(
        _("Scholingsprogramma wijkraden"),
        [_session_event(s) for s in sessions],
        filename="scholing.ics",
    )


def session_attendance(request, pk):
    session = get_object_or_404(Session.objects.select_related("module"), pk=pk)
    authorize(request, "training.record_attendance", session)
    enrolments = list(selectors.session_attendance(session))
    error = None
    if request.method == "POST":
        try:
            ids = {int(value) for value in request.POST.getlist("attended")}
            count = services.attendance_record(
                actor=request.user, session=session, attended_ids=ids
            )
        except (ValueError, TypeError):
            error = _("Kies de deelnemers uit de lijst.")
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Aanwezigheid opgeslagen: %(count)s aanwezig.") % {"count": count}
            )
            return redirect("training:session-attendance", pk=session.pk)
    return render(
        request,
        "training/session_attendance.html",
        {"session": session, "enrolments": enrolments, "error": error},
        status=400 if error else 200,
    )


# --- wish inventory -------------------------------------------------------------------------


@public_page(SCOPES)
def inventory(request, slug):
    round_ = get_object_or_404(
        selectors.training_rounds().prefetch_related("training_topics"), slug=slug
    )
    user = request.user
    topics = list(round_.training_topics.all())
    board_ids = current_council_ids(user, board_only=True)
    councils = list(NeighbourhoodCouncil.objects.filter(pk__in=board_ids).order_by("name"))
    council = None
    if councils:
        chosen = request.GET.get("wijkraad") or request.POST.get("wijkraad")
        council = next((c for c in councils if c.slug == chosen), councils[0])
    is_open = round_.is_open()
    # The wijkraad's stored answer, asked once: for the form and for the page.
    answer = selectors.answer_for(round_, council) if council is not None else None
    form = None
    status = 200
    if request.method == "POST":
        if council is None:
            # A member who is not on a board (or not logged in) cannot answer for a wijkraad.
            login_required_or_404(request)
            messages.error(
                request, _("Alleen het bestuur van de wijkraad vult de inventarisatie in.")
            )
            status = 403
        else:
            form = InventoryAnswerForm(request.POST, topics=topics, answer=answer)
            if form.is_valid():
                try:
                    services.inventory_answer_save(
                        actor=user,
                        round=round_,
                        council=council,
                        ranks=form.ranks(),
                        own_wishes=form.cleaned_data["own_wishes"],
                    )
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("Het antwoord van %(council)s is opgeslagen.") % {"council": council},
                    )
                    return redirect(f"{request.path}?wijkraad={council.slug}")
            status = 400
    if council is not None and form is None and is_open:
        form = InventoryAnswerForm(topics=topics, answer=answer)
    context = {
        "round": round_,
        "topics": topics,
        "is_open": is_open,
        "is_past": timezone.localdate() > round_.deadline,
        "council": council,
        "councils": councils,
        "form": form if is_open or request.method == "POST" else None,
        "answer": answer,
        "summary": selectors.inventory_summary(round_),
    }
    if user.has_perm("training.view_inventory_matrix"):
        # Per stadsdeel: the totals of every stadsdeel, or (?wijk=<stadsdeel>) the wijkraden ×
        # topic table of one stadsdeel, a page of wijkraden at a time.
        overview = selectors.inventory_matrix_by_district(round_)
        district = next(
            (
                r["district"]
                for r in overview["district_rows"]
                if r["district"].slug == request.GET.get("wijk")
            ),
            None,
        )
        for row in overview["district_rows"]:
            row["href"] = f"?{query_with(request, wijk=row['district'].slug)}#matrix-title"
        context["matrix_overview"] = overview
        context["matrix_district"] = district
        context["matrix_overview_href"] = f"?{query_with(request, wijk='')}#matrix-title"
        if district is not None:
            page = paginate(request, selectors.inventory_district_councils(district), per_page=50)
            context["matrix"] = selectors.inventory_matrix(round_, councils=page.object_list)
            context["matrix"]["totals"] = next(
                r["totals"] for r in overview["district_rows"] if r["district"] == district
            )
            context["page"] = page
    return render(request, "training/inventory_detail.html", context, status=status)


# --- conference -----------------------------------------------------------------------------


@public_page(SCOPES)
def conference_index(request):
    current = selectors.current_conference()
    if current is None:
        return render(request, "training/conference_detail.html", {"conference": None})
    return conference_detail(request, current.slug, is_index=True)


@public_page(SCOPES)
def conference_detail(request, slug, is_index=False):
    conference = selectors.conference_detail(slug)
    return _render_conference(request, conference, ConferenceRegistrationForm(), is_index)


def _render_conference(request, conference, form, is_index=False, status=200):
    registration = selectors.my_registration(conference, request.user)
    return render(
        request,
        "training/conference_detail.html",
        {
            "conference": conference,
            "is_index": is_index,
            "archive": list(selectors.conferences().exclude(pk=conference.pk)),
            "registration": registration,
            "is_past": conference.starts_at <= timezone.now(),
            "can_record": request.user.has_perm("training.record_conference", conference),
            "seats_left": max(conference.capacity - conference.registered_count, 0),
            "can_register": request.user.has_perm("training.register_conference", conference),
            "form": form,
        },
        status=status,
    )


@require_POST
def conference_register(request, slug):
    conference = get_object_or_404(Conference, slug=slug)
    login_required_or_404(request, next_url=conference.get_absolute_url())
    form = ConferenceRegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.conference_register(
                actor=request.user, conference=conference, needs=form.cleaned_data["needs"]
            )
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect(conference.get_absolute_url())
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # Not about a field (already registered, too late): say so above the page.
                message_errors(request, error)
                return redirect(conference.get_absolute_url())
            apply_errors(form, error)
        else:
            if registration.status == SeatStatus.ENROLLED:
                messages.success(request, _("U bent aangemeld. De bevestiging komt per e-mail."))
            else:
                messages.warning(
                    request,
                    _(
                        "De conferentie is vol: u staat op de wachtlijst. Komt er een plaats vrij, "
                        "dan krijgt u meteen een e-mail."
                    ),
                )
            return redirect(conference.get_absolute_url())
    return _render_conference(request, selectors.conference_detail(slug), form, status=400)


@require_POST
def conference_cancel(request, slug):
    conference = get_object_or_404(Conference, slug=slug)
    login_required_or_404(request, next_url=conference.get_absolute_url())
    registration = get_object_or_404(
        ConferenceRegistration, conference=conference, person=request.user
    )
    try:
        services.conference_registration_cancel(actor=request.user, registration=registration)
    except ValidationError as error:
        message_errors(request, error)
    else:
        messages.success(request, _("U bent afgemeld voor de conferentie."))
    return redirect(conference.get_absolute_url())


@public_page(SCOPES)
def conference_ical(request, slug):
    conference = get_object_or_404(Conference, slug=slug)
    return calendar_response(
        str(conference),
        [_conference_event(conference)],
        filename=f"wijkradenconferentie-{slug}.ics",
    )


def conference_status(request, slug):
    """Officers record a conference as held (with its attendance) or cancel it."""
    conference = get_object_or_404(Conference, slug=slug)
    authorize(request, "training.record_conference", conference)
    form = ConferenceStatusForm(request.POST or None, conference=conference)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["to_status"] == ConferenceStatus.HELD:
                    services.conference_hold(
                        actor=request.user,
                        conference=conference,
                        councils=list(data["councils"]),
                        councillors=list(data["councillors"]),
                        note=data["reason"],
                    )
                else:
                    services.conference_cancel(
                        actor=request.user,
                        conference=conference,
                        reason=data["reason"],
                    )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De status van de conferentie is opgeslagen."))
                return redirect(conference.get_absolute_url())
        status = 400
    return render(
        request,
        "training/conference_status.html",
        {"conference": conference, "form": form, "machine": CONFERENCE_MACHINE},
        status=status,
    )
