"""Thin views of the budget pilot: parse, authorise, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkportaal.core.exports import csv_response
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.uploads import download_response
from wijkportaal.core.web import apply_errors, authorize, choices_or_404
from wijkportaal.wijkraden.selectors import board_councils

from . import selectors, services
from .forms import BudgetDecisionForm, ParticipationDecisionForm, PilotInterestForm, ReversalForm
from .models import BudgetDecision

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("contracts", "roles")

CSV_HEADER = ["datum", "wijkraad", "post", "bedrag", "doel", "ontvanger", "corrigeert", "reden"]


@public_page(SCOPES)
def pilot_list(request):
    return render(
        request,
        "contracts/pilot_list.html",
        {
            "pilots": selectors.pilot_list(),
            "rounds": selectors.pilot_rounds(request.user),
            "can_decide_participation": request.user.has_perm(
                "contracts.decide_pilotparticipation"
            ),
        },
    )


@login_required
def pilot_interest(request, pk):
    """A wijkraad's board registers interest in a round of the pilot."""
    pilot_round = selectors.pilot_round(pk)
    councils = choices_or_404(request, board_councils(request.user))
    form = PilotInterestForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        try:
            services.pilot_interest_register(
                actor=request.user, pilot_round=pilot_round, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Uw aanmelding is ontvangen. U krijgt per e-mail bericht zodra de gemeente "
                    "erover heeft besloten; u volgt haar bij Mijn verzoeken."
                ),
            )
            return redirect("contracts:pilot-list")
    return render(
        request, "contracts/pilot_interest_form.html", {"pilot_round": pilot_round, "form": form}
    )


def participation_decide(request, pk):
    """An officer admits or declines an interested wijkraad."""
    participation = selectors.participation(pk)
    authorize(request, "contracts.decide_pilotparticipation", participation)
    form = ParticipationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pilot_participation_decide(
                actor=request.user, participation=participation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het besluit over de aanmelding is vastgelegd."))
            return redirect("contracts:pilot-list")
    return render(
        request,
        "contracts/participation_decide.html",
        {"participation": participation, "form": form},
    )


def decision_reverse(request, pk):
    """The board corrects a wrong decision with a reversing entry and a reason."""
    decision = selectors.decision_for_reversal(pk)
    pilot = decision.line.pilot
    authorize(request, "contracts.decide_budget", pilot)
    form = ReversalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.budget_decision_reverse(
                actor=request.user, decision=decision, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De correctie is vastgelegd."))
            return redirect(pilot.get_absolute_url())
    return render(
        request,
        "contracts/decision_reverse.html",
        {"pilot": pilot, "decision": decision, "form": form},
    )


@public_page(SCOPES)
def pilot_detail(request, pk):
    pilot = selectors.pilot_detail(pk)
    return render(
        request,
        "contracts/pilot_detail.html",
        {
            "pilot": pilot,
            "decisions": selectors.pilot_decisions(pilot),
            "can_decide": request.user.has_perm("contracts.decide_budget", pilot),
        },
    )


@public_page(SCOPES)
def pilot_csv(request, pk):
    """Every spending decision of a pilot, for anyone to check in a spreadsheet."""
    pilot = selectors.pilot_detail(pk)
    rows = (
        (
            decision.decided_on.isoformat(),
            pilot.council.name,
            decision.line.get_kind_display(),
            decision.signed_amount,
            decision.purpose,
            decision.recipient,
            decision.reverses.decided_on.isoformat() if decision.reverses else "",
            decision.reason,
        )
        for decision in selectors.pilot_decisions(pilot)
    )
    return csv_response(f"beheerexperiment-{pilot.council.slug}-{pilot.year}.csv", CSV_HEADER, rows)


def decision_create(request, pk):
    pilot = selectors.pilot_detail(pk)
    authorize(request, "contracts.decide_budget", pilot)
    form = BudgetDecisionForm(request.POST or None, request.FILES or None, pilot=pilot)
    if request.method == "POST" and form.is_valid():
        try:
            services.budget_decision_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect(pilot.get_absolute_url())
    return render(request, "contracts/decision_form.html", {"pilot": pilot, "form": form})


def decision_document(request, pk):
    decision = get_object_or_404(BudgetDecision.objects.exclude(document=""), pk=pk)
    return download_response(decision.document)
