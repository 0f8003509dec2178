from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import (
    apply_errors,
    authorize,
    choices_or_404,
    login_required_or_404,
    message_errors,
    paginate,
)
from wijkportaal.wijkraden.selectors import board_councils

from . import selectors, services
from .forms import DecisionForm, ReplyForm, ViewpointForm, VisitForm
from .models import Decision, Viewpoint, Visit

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("council", "roles")

# --- important political choices ------------------------------------------------------------


@public_page(SCOPES)
def decision_list(request):
    decisions = selectors.decision_list()
    # Two lists on one page, each with its own page number in the address.
    upcoming = paginate(request, decisions["upcoming"], param="komend")
    past = paginate(request, decisions["past"])
    return render(
        request,
        "council/decision_list.html",
        {
            "upcoming": upcoming.object_list,
            "upcoming_page": upcoming,
            "past": past.object_list,
            "past_page": past,
            "can_manage": request.user.has_perm("council.manage_decision"),
            "can_visit": request.user.has_perm("council.register_visit"),
        },
    )


def _render_detail(request, decision, *, viewpoint_form=None, reply_form=None, status=200):
    user = request.user
    is_open = timezone.localdate() < decision.decision_date
    councils = board_councils(user) if user.has_perm("council.give_any_viewpoint") else None
    if viewpoint_form is None and councils is not None and is_open:
        own = {v.council_id: v for v in decision.viewpoints.all()}
        first = next(iter(councils), None)
        initial = (
            {"council": first, "text": own[first.pk].text} if first and first.pk in own else {}
        )
        viewpoint_form = ViewpointForm(councils=councils, initial=initial)
    return render(
        request,
        "council/decision_detail.html",
        {
            "decision": decision,
            "is_open": is_open,
            "viewpoint_form": viewpoint_form if is_open else None,
            "reply_form": reply_form or ReplyForm(),
            "reply_error_for": getattr(reply_form, "viewpoint_id", None),
            "can_reply": user.has_perm("council.reply_viewpoint"),
            "can_follow": user.has_perm("council.follow_decision"),
            "can_manage": user.has_perm("council.manage_decision"),
        },
        status=status,
    )


@public_page(SCOPES)
def decision_detail(request, pk):
    return _render_detail(request, selectors.decision_detail(pk, request.user))


def _decision_form_page(request, decision=None):
    authorize(request, "council.manage_decision")
    initial = {}
    if decision is not None:
        initial = {
            "title": decision.title,
            "summary": decision.summary,
            "decision_date": decision.decision_date,
            "link": decision.link,
            "councils": list(decision.councils.all()),
            "outcome": decision.outcome,
        }
    form = DecisionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.decision_save(
                    actor=request.user, decision=decision, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De politieke keuze is opgeslagen."))
                return redirect(saved.get_absolute_url())
        status = 400
    return render(
        request, "council/decision_form.html", {"form": form, "decision": decision}, status=status
    )


def decision_create(request):
    return _decision_form_page(request)


def decision_edit(request, pk):
    return _decision_form_page(request, get_object_or_404(Decision, pk=pk))


@require_POST
def viewpoint_give(request, pk):
    decision = get_object_or_404(Decision, pk=pk)
    login_required_or_404(request, next_url=decision.get_absolute_url())
    authorize(request, "council.give_any_viewpoint")
    councils = choices_or_404(request, board_councils(request.user))
    form = ViewpointForm(request.POST, councils=councils)
    if form.is_valid():
        try:
            services.viewpoint_give(
                actor=request.user,
                decision=decision,
                council=form.cleaned_data["council"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De zienswijze van uw wijkraad is opgeslagen."))
            return redirect(decision.get_absolute_url())
    detail = selectors.decision_detail(pk, request.user)
    # After the date the form is gone from the page: the reason goes above it.
    if timezone.localdate() >= detail.decision_date:
        for message in form.errors.get("text", []):
            messages.error(request, message)
    return _render_detail(request, detail, viewpoint_form=form, status=400)


@require_POST
def reply_give(request, pk):
    viewpoint = get_object_or_404(Viewpoint.objects.select_related("decision", "council"), pk=pk)
    decision = viewpoint.decision
    login_required_or_404(request, next_url=decision.get_absolute_url())
    authorize(request, "council.reply_viewpoint", viewpoint)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_give(
                actor=request.user, viewpoint=viewpoint, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Uw reactie aan %(council)s is geplaatst.") % {"council": viewpoint.council.name},
            )
            return redirect(f"{decision.get_absolute_url()}#zienswijze-{viewpoint.pk}")
    form.viewpoint_id = viewpoint.pk
    return _render_detail(
        request, selectors.decision_detail(decision.pk, request.user), reply_form=form, status=400
    )


@require_POST
def decision_follow(request, pk):
    decision = get_object_or_404(Decision, pk=pk)
    login_required_or_404(request, next_url=decision.get_absolute_url())
    follow = request.POST.get("follow") != "0"
    try:
        services.decision_follow(actor=request.user, decision=decision, follow=follow)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("U volgt deze keuze.") if follow else _("U volgt deze keuze niet meer."),
        )
    return redirect(decision.get_absolute_url())


# --- visits ---------------------------------------------------------------------------------


def visit_list(request):
    """A council member's visits, and the form to register one."""
    authorize(request, "council.register_visit")
    form = VisitForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                visit = services.visit_register(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Uw bezoek aan %(council)s is geregistreerd; het bestuur bevestigt het.")
                    % {"council": visit.council.name},
                )
                return redirect("council:visit-list")
        status = 400
    return render(
        request,
        "council/visit_list.html",
        {"form": form, "visits": selectors.my_visits(request.user)},
        status=status,
    )


@require_POST
def visit_confirm(request, pk):
    visit = get_object_or_404(Visit.objects.select_related("council"), pk=pk)
    authorize(request, "council.confirm_visit", visit)
    try:
        services.visit_confirm(actor=request.user, visit=visit)
    except ValidationError as error:
        message_errors(request, error)
    else:
        messages.success(request, _("Het bezoek is bevestigd."))
    return redirect(visit.council.get_absolute_url())
