"""Thin views of support: parse, authorise, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import apply_errors, authorize, choices_or_404
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.selectors import board_councils

from . import selectors, services
from .forms import BudgetRequestForm, SupportHandleForm, SupportRequestForm
from .models import SupportRequest

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("contracts", "roles")


@public_page(SCOPES)
def support_index(request):
    return render(
        request,
        "contracts/support_index.html",
        {
            "catalogue": selectors.support_catalogue(),
            "notes": selectors.support_notes(),
            "requests": selectors.support_requests_for(request.user),
            "is_board": bool(current_council_ids(request.user, board_only=True)),
        },
    )


@login_required
def support_request_create(request):
    councils = choices_or_404(request, board_councils(request.user))
    initial = {}
    offer_id = request.GET.get("aanbod")
    if offer_id and offer_id.isdigit():
        initial["offer"] = offer_id
    form = SupportRequestForm(request.POST or None, councils=councils, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            support_request = services.support_request_create(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            case = selectors.support_case(support_request)
            messages.success(
                request,
                _(
                    "Uw vraag is ontvangen. De afdeling %(department)s beantwoordt haar uiterlijk "
                    "op %(date)s; u krijgt het antwoord per e-mail en vindt het bij Mijn "
                    "verzoeken."
                )
                % {
                    "department": case.department.name,
                    "date": date_format(case.answer_by, "l j F Y"),
                },
            )
            return redirect(support_request.get_absolute_url())
    return render(
        request,
        "contracts/supportrequest_form.html",
        {"form": form, "term_days": services.CASE_TERM_DAYS},
    )


@login_required
def support_budget_request_create(request):
    """A request for the Leefbaarheid & initiatiefbudget: amount, purpose and plan."""
    councils = choices_or_404(request, board_councils(request.user))
    form = BudgetRequestForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        try:
            support_request = services.support_budget_request_create(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            case = selectors.support_case(support_request)
            messages.success(
                request,
                _(
                    "Uw aanvraag is ontvangen. De afdeling %(department)s beslist erover "
                    "uiterlijk op %(date)s; u krijgt het besluit per e-mail en vindt het bij Mijn "
                    "verzoeken."
                )
                % {
                    "department": case.department.name,
                    "date": date_format(case.answer_by, "l j F Y"),
                },
            )
            return redirect(support_request.get_absolute_url())
    return render(
        request,
        "contracts/supportrequest_budget_form.html",
        {"form": form, "term_days": services.BUDGET_CASE_TERM_DAYS},
    )


@public_page(SCOPES)
def supportrequest_detail(request, pk):
    """The wijkraad's board follows its request here; officers answer it on the same page."""
    support_request = get_object_or_404(
        SupportRequest.objects.select_related("council", "offer", "handler", "requested_by"),
        pk=pk,
    )
    authorize(request, "contracts.view_supportrequest", support_request)
    form = None
    if request.user.has_perm("contracts.handle_supportrequest", support_request):
        form = SupportHandleForm(
            request.POST or None,
            initial={"status": support_request.status, "answer": support_request.answer},
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.support_request_handle(
                    actor=request.user, support_request=support_request, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De vraag is bijgewerkt."))
                return redirect(support_request.get_absolute_url())
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "contracts/supportrequest_detail.html",
        {
            "support_request": support_request,
            "form": form,
            "case": selectors.support_case(support_request),
        },
    )
