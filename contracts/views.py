"""Thin views: parse, authorise, call a service or selector, render."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .forms import (
    BudgetDecisionForm,
    CommitmentForm,
    CommitmentUpdateForm,
    ContractRequestForm,
    ContractTermForm,
    ContractTransitionForm,
    CouncilProposalForm,
    GroupProposalForm,
    ProposalScoreForm,
    ProposalTransitionForm,
    SupportHandleForm,
    SupportRequestForm,
    apply_errors,
)
from .models import (
    CONTRACT_TRANSITIONS,
    BudgetDecision,
    Commitment,
    Contract,
    ContractStatus,
    SupportRequest,
)


def _require(request, perm: str, obj=None):
    """Anonymous users go to the login; others without the permission get a 404."""
    if not request.user.is_authenticated:
        raise _LoginRequired
    if not request.user.has_perm(perm, obj):
        raise Http404


class _LoginRequired(Exception):
    pass


def login_or_404(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def board_councils(user):
    return NeighbourhoodCouncil.objects.filter(
        pk__in=current_council_ids(user, board_only=True)
    ).order_by("name")


def council_from_post_or_404(request, councils):
    """A posted wijkraad the user is not on the board of answers 404, never a form error: the
    page does not reveal whether another wijkraad exists or what it does."""
    raw = request.POST.get("council")
    if (
        raw
        and request.method == "POST"
        and not (str(raw).isdigit() and councils.filter(pk=raw).exists())
    ):
        raise Http404


# --- Wijkcontracten --------------------------------------------------------------------------


def contract_list(request):
    return render(
        request,
        "contracts/contract_list.html",
        {
            "contracts": selectors.contract_list_public(),
            "internal": selectors.contract_list_internal(request.user),
            "can_request": bool(current_council_ids(request.user, board_only=True)),
            "started_this_year": selectors.contracts_started_this_year(),
        },
    )


@login_or_404
def contract_detail(request, pk):
    contract = selectors.contract_detail(pk)
    if not contract.is_public:
        _require(request, "contracts.view_contract", contract)
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
            "transition_table": [
                (ContractStatus(s).label, [ContractStatus(t).label for t in targets])
                for s, targets in CONTRACT_TRANSITIONS.items()
            ],
        },
    )


@login_required
def contract_request(request):
    councils = board_councils(request.user)
    if not councils.exists():
        raise Http404
    council_from_post_or_404(request, councils)
    initial = {}
    wanted = request.GET.get("wijkraad")
    if wanted:
        council = councils.filter(slug=wanted).first()
        if council is None:
            raise Http404
        initial["council"] = council
    form = ContractRequestForm(request.POST or None, councils=councils, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contract = services.contract_request(
                actor=request.user,
                council=data["council"],
                title=data["title"],
                description=data["description"],
                themes=data["themes"],
                partners=data["partners"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("De aanvraag is ontvangen. Een ambtenaar neemt contact op voor de verkenning."),
            )
            return redirect(contract.get_absolute_url())
    return render(request, "contracts/contract_request.html", {"form": form})


@login_or_404
def contract_transition(request, pk):
    contract = get_object_or_404(Contract.objects.select_related("council"), pk=pk)
    _require(request, "contracts.withdraw_contract", contract)
    officer = request.user.has_perm("contracts.transition_contract", contract)
    form = ContractTransitionForm(
        request.POST or None, contract=contract, withdraw_only=not officer
    )
    term_form = ContractTermForm(
        request.POST if "save_term" in request.POST else None,
        initial={
            "start_date": contract.start_date,
            "end_date": contract.end_date,
            "renewal": contract.renewal,
        },
        prefix="term",
    )
    if request.method == "POST" and "save_term" in request.POST:
        if not officer:
            raise Http404
        if term_form.is_valid():
            try:
                services.contract_term_update(
                    actor=request.user,
                    contract=contract,
                    **{k: term_form.cleaned_data[k] for k in ("start_date", "end_date", "renewal")},
                )
            except ValidationError as error:
                apply_errors(term_form, error)
            else:
                messages.success(request, _("De looptijd is opgeslagen."))
                return redirect("contracts:contract-transition", pk=contract.pk)
        form = ContractTransitionForm(contract=contract, withdraw_only=not officer)
    elif request.method == "POST" and form.is_valid():
        try:
            services.contract_transition(
                actor=request.user,
                contract=contract,
                to_status=form.cleaned_data["to_status"],
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied:
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


@login_or_404
def commitment_create(request, pk):
    contract = get_object_or_404(Contract.objects.select_related("council"), pk=pk)
    _require(request, "contracts.manage_commitments", contract)
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


@login_or_404
def commitment_update(request, pk):
    commitment = get_object_or_404(
        Commitment.objects.select_related("contract__council", "party"), pk=pk
    )
    contract = commitment.contract
    _require(request, "contracts.manage_commitments", contract)
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


# --- Budget pilot ----------------------------------------------------------------------------


def pilot_list(request):
    return render(request, "contracts/pilot_list.html", {"pilots": selectors.pilot_list()})


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


def _csv_cell(value) -> str:
    # Spreadsheet programs run cells that start with these as formulas.
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def pilot_csv(request, pk):
    pilot = selectors.pilot_detail(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="beheerexperiment-{pilot.council.slug}-{pilot.year}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["datum", "wijkraad", "post", "bedrag", "doel", "ontvanger"])
    for decision in selectors.pilot_decisions(pilot):
        writer.writerow(
            [
                decision.decided_on.isoformat(),
                _csv_cell(pilot.council.name),
                decision.line.get_kind_display(),
                f"{decision.amount:.2f}",
                _csv_cell(decision.purpose),
                _csv_cell(decision.recipient),
            ]
        )
    return response


@login_or_404
def decision_create(request, pk):
    pilot = selectors.pilot_detail(pk)
    _require(request, "contracts.decide_budget", pilot)
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


# --- Right to challenge ----------------------------------------------------------------------


def proposal_list(request):
    return render(
        request,
        "contracts/proposal_list.html",
        {
            "proposals": selectors.proposal_list(),
            "is_board": bool(current_council_ids(request.user, board_only=True)),
        },
    )


def proposal_detail(request, pk):
    proposal = selectors.proposal_detail(pk)
    return render(
        request,
        "contracts/proposal_detail.html",
        {
            "proposal": proposal,
            "can_assess": request.user.has_perm("contracts.assess_challengeproposal", proposal),
        },
    )


def proposal_create_group(request):
    form = GroupProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.proposal_submit_by_group(
                group_name=data.pop("group_name"),
                contact_name=data.pop("contact_name"),
                contact_email=data.pop("contact_email"),
                data=data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("contracts:proposal-sent")
    return render(request, "contracts/proposal_form.html", {"form": form, "for_council": False})


def proposal_sent(request):
    return render(request, "contracts/proposal_sent.html")


@login_required
def proposal_create_council(request):
    councils = board_councils(request.user)
    if not councils.exists():
        raise Http404
    council_from_post_or_404(request, councils)
    form = CouncilProposalForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        council = data.pop("council")
        try:
            proposal = services.proposal_submit_by_council(
                actor=request.user, council=council, data=data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het voorstel is ingediend."))
            return redirect(proposal.get_absolute_url())
    return render(request, "contracts/proposal_form.html", {"form": form, "for_council": True})


def proposal_verify(request, token):
    """GET shows a button, POST confirms: mail scanners that open links do not verify."""
    error = None
    if request.method == "POST":
        try:
            proposal = services.proposal_verify(token=token)
        except ValidationError as exc:
            error = exc.message_dict["token"][0]
        else:
            messages.success(
                request,
                _("Bedankt, uw e-mailadres is bevestigd. Uw voorstel is nu ingediend."),
            )
            return redirect(proposal.get_absolute_url())
    return render(request, "contracts/proposal_verify.html", {"error": error})


@login_or_404
def proposal_assess(request, pk):
    proposal = selectors.proposal_detail(pk)
    _require(request, "contracts.assess_challengeproposal", proposal)
    as_choice = {None: "", True: "ja", False: "nee"}
    score_form = ProposalScoreForm(
        request.POST if "score" in request.POST else None,
        initial={
            "not_more_expensive": as_choice[proposal.not_more_expensive],
            "at_least_same_quality": as_choice[proposal.at_least_same_quality],
            "demonstrable_support": as_choice[proposal.demonstrable_support],
            "notes": proposal.score_notes,
        },
        prefix="score",
    )
    form = ProposalTransitionForm(
        request.POST if "transition" in request.POST else None, proposal=proposal
    )
    if request.method == "POST":
        try:
            if "score" in request.POST and score_form.is_valid():
                services.proposal_score(
                    actor=request.user, proposal=proposal, **score_form.cleaned_scores()
                )
                messages.success(request, _("De beoordeling is opgeslagen."))
                return redirect("contracts:proposal-assess", pk=proposal.pk)
            if "transition" in request.POST and form.is_valid():
                services.proposal_transition(
                    actor=request.user,
                    proposal=proposal,
                    to_status=form.cleaned_data["to_status"],
                    motivation=form.cleaned_data["motivation"],
                )
                messages.success(request, _("De status van het voorstel is gewijzigd."))
                return redirect(proposal.get_absolute_url())
        except ValidationError as error:
            apply_errors(score_form if "score" in request.POST else form, error)
    return render(
        request,
        "contracts/proposal_assess.html",
        {"proposal": proposal, "form": form, "score_form": score_form},
    )


# --- Support ---------------------------------------------------------------------------------


def support_index(request):
    return render(
        request,
        "contracts/support_index.html",
        {
            "catalogue": selectors.support_catalogue(),
            "requests": selectors.support_requests_for(request.user),
            "is_board": bool(current_council_ids(request.user, board_only=True)),
        },
    )


@login_required
def support_request_create(request):
    councils = board_councils(request.user)
    if not councils.exists():
        raise Http404
    council_from_post_or_404(request, councils)
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
            messages.success(
                request, _("Uw vraag is verstuurd. U krijgt binnen tien werkdagen antwoord.")
            )
            return redirect(support_request.get_absolute_url())
    return render(request, "contracts/supportrequest_form.html", {"form": form})


@login_or_404
def supportrequest_detail(request, pk):
    support_request = get_object_or_404(
        SupportRequest.objects.select_related("council", "offer", "handler", "requested_by"),
        pk=pk,
    )
    _require(request, "contracts.view_supportrequest", support_request)
    can_handle = request.user.has_perm("contracts.handle_supportrequest", support_request)
    form = None
    if can_handle:
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
        {"support_request": support_request, "form": form},
    )
