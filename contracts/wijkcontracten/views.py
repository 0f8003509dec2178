"""Thin views of wijkcontracten: parse, authorise, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import apply_errors, authorize, choices_or_404, paginate
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.selectors import board_councils

from . import selectors, services
from .forms import (
    CommitmentForm,
    CommitmentUpdateForm,
    ContractRequestForm,
    ContractTermForm,
    ContractTransitionForm,
)
from .models import Commitment, Contract, ContractStatus

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("contracts", "roles")

TERM_FIELDS = ("start_date", "end_date", "renewal")


@public_page(SCOPES)
def contract_list(request):
    page = paginate(request, selectors.contract_list_public())
    return render(
        request,
        "contracts/contract_list.html",
        {
            "page": page,
            "contracts": page.object_list,
            "internal": selectors.contract_list_internal(request.user),
            "can_request": bool(current_council_ids(request.user, board_only=True)),
            "started_this_year": selectors.contracts_started_this_year(),
        },
    )


@public_page(SCOPES)
def contract_detail(request, pk):
    contract = selectors.contract_detail(pk)
    if not contract.is_public:
        authorize(request, "contracts.view_contract", contract)
    user = request.user
    return render(
        request,
        "contracts/contract_detail.html",
        {
            "contract": contract,
            "can_transition": user.has_perm("contracts.transition_contract", contract),
            "can_withdraw": ContractStatus.WITHDRAWN in contract.allowed_transitions
            and user.has_perm("contracts.withdraw_contract", contract),
            "can_manage_commitments": user.has_perm("contracts.manage_commitments", contract),
            "case": selectors.contract_case(contract),
        },
    )


@login_required
def contract_request(request):
    councils = choices_or_404(request, board_councils(request.user))
    initial = {}
    wanted = request.GET.get("wijkraad")
    if wanted:
        initial["council"] = get_object_or_404(councils, slug=wanted)
    form = ContractRequestForm(request.POST or None, councils=councils, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contract = services.contract_request(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            case = selectors.contract_case(contract)
            messages.success(
                request,
                _(
                    "De aanvraag is ontvangen. De afdeling %(department)s antwoordt uiterlijk op "
                    "%(date)s of de gemeente het wijkcontract met u gaat verkennen; u krijgt het "
                    "antwoord per e-mail en vindt het bij Mijn verzoeken."
                )
                % {
                    "department": case.department.name,
                    "date": date_format(case.answer_by, "l j F Y"),
                },
            )
            return redirect(contract.get_absolute_url())
    return render(
        request,
        "contracts/contract_request.html",
        {"form": form, "term_days": services.CASE_TERM_DAYS},
    )


def _save_term(request, contract, term_form) -> bool:
    try:
        services.contract_term_update(
            actor=request.user,
            contract=contract,
            **{key: term_form.cleaned_data[key] for key in TERM_FIELDS},
        )
    except ValidationError as error:
        apply_errors(term_form, error)
        return False
    messages.success(request, _("De looptijd is opgeslagen."))
    return True


def contract_transition(request, pk):
    """Officers move a contract and set its term; the wijkraad's board may only withdraw."""
    contract = get_object_or_404(Contract.objects.select_related("council"), pk=pk)
    authorize(request, "contracts.withdraw_contract", contract)
    officer = request.user.has_perm("contracts.transition_contract", contract)
    saving_term = request.method == "POST" and "save_term" in request.POST
    form = ContractTransitionForm(
        None if saving_term else request.POST or None,
        contract=contract,
        withdraw_only=not officer,
    )
    term_form = ContractTermForm(
        request.POST if saving_term else None,
        initial={key: getattr(contract, key) for key in TERM_FIELDS},
        prefix="term",
    )
    if saving_term:
        if not officer:
            raise Http404
        if term_form.is_valid() and _save_term(request, contract, term_form):
            return redirect("contracts:contract-transition", pk=contract.pk)
    elif request.method == "POST" and form.is_valid():
        try:
            services.contract_transition(
                actor=request.user,
                contract=contract,
                to_status=form.cleaned_data["to_status"],
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied:
            # The board posted a step only officers take: as if the page did not exist.
            raise Http404 from None
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De status van het wijkcontract is gewijzigd."))
            return redirect(contract.get_absolute_url())
    return render(
        request,
        "contracts/contract_transition.html",
        {
            "contract": contract,
            "form": form,
            "term_form": term_form if officer else None,
            "final": not contract.allowed_transitions,
        },
    )


def commitment_create(request, pk):
    contract = get_object_or_404(Contract.objects.select_related("council"), pk=pk)
    authorize(request, "contracts.manage_commitments", contract)
    form = CommitmentForm(request.POST or None, contract=contract)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_create(actor=request.user, contract=contract, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De afspraak is toegevoegd."))
            return redirect(contract.get_absolute_url())
    return render(request, "contracts/commitment_form.html", {"contract": contract, "form": form})


def commitment_update(request, pk):
    commitment = get_object_or_404(
        Commitment.objects.select_related("contract__council", "party"), pk=pk
    )
    contract = commitment.contract
    authorize(request, "contracts.manage_commitments", contract)
    form = CommitmentUpdateForm(
        request.POST or None,
        initial={"status": commitment.status, "evidence": commitment.evidence},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_update(
                actor=request.user, commitment=commitment, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De afspraak is bijgewerkt."))
            return redirect(contract.get_absolute_url())
    return render(
        request,
        "contracts/commitment_update.html",
        {"contract": contract, "commitment": commitment, "form": form},
    )
