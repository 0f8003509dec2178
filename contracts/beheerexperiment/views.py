"""Thin views of the budget pilot: parse, authorise, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkportaal.core.exports import csv_response
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import apply_errors, authorize

from . import selectors, services
from .forms import BudgetDecisionForm
from .models import BudgetDecision

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("contracts", "roles")

CSV_HEADER = ["datum", "wijkraad", "post", "bedrag", "doel", "ontvanger"]


@public_page(SCOPES)
def pilot_list(request):
    return render(request, "contracts/pilot_list.html", {"pilots": selectors.pilot_list()})


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
            decision.amount,
            decision.purpose,
            decision.recipient,
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
    return FileResponse(
        decision.document.open("rb"),
        as_attachment=True,
        filename=decision.document.name.rsplit("/", 1)[-1],
    )
