"""Thin views of the right to challenge: parse, authorise, call a service or selector, render."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import apply_errors, authorize, choices_or_404, paginate
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.selectors import board_councils

from . import selectors, services
from .forms import (
    CouncilProposalForm,
    GroupProposalForm,
    ProposalScoreForm,
    ProposalTransitionForm,
)

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("contracts", "roles")


def _promise(proposal) -> dict:
    """Who decides and by when, from the proposal's case at the desk."""
    case = selectors.proposal_case(proposal)
    return {"department": case.department.name, "date": date_format(case.answer_by, "l j F Y")}


@public_page(SCOPES)
def proposal_list(request):
    page = paginate(request, selectors.proposal_list())
    return render(
        request,
        "contracts/proposal_list.html",
        {
            "terrains": selectors.terrains(),
            "today": timezone.localdate(),
            "page": page,
            "proposals": page.object_list,
            "is_board": bool(current_council_ids(request.user, board_only=True)),
        },
    )


@public_page(SCOPES)
def proposal_detail(request, pk):
    proposal = selectors.proposal_detail(pk)
    return render(
        request,
        "contracts/proposal_detail.html",
        {
            "proposal": proposal,
            "can_assess": request.user.has_perm("contracts.assess_challengeproposal", proposal),
            "case": selectors.proposal_case(proposal),
        },
    )


def proposal_create_group(request):
    """The public form: it sends mail to the address typed in, so a honeypot turns bots away
    (they are shown the "sent" page, nothing is stored or mailed) and allauth's rate limits
    (ACCOUNT_RATE_LIMITS "challenge_proposal" per client, "challenge_proposal_all" for
    everyone together) cap what one client and all clients can make it send."""
    form = GroupProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.pop("website"):
            return redirect("contracts:proposal-sent")
        if not (
            ratelimit.consume(request, action="challenge_proposal")
            and ratelimit.consume(request, action="challenge_proposal_all", key="all")
        ):
            form.add_error(
                None,
                _(
                    "Er zijn op dit moment te veel voorstellen verstuurd. Probeer het later "
                    "opnieuw, of neem contact op met de gemeente."
                ),
            )
            return render(
                request,
                "contracts/proposal_form.html",
                {"form": form, "for_council": False},
                status=429,
            )
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
    return render(
        request,
        "contracts/proposal_form.html",
        {"form": form, "for_council": False, "term_days": services.CASE_TERM_DAYS},
    )


def proposal_sent(request):
    return render(request, "contracts/proposal_sent.html")


@login_required
def proposal_create_council(request):
    councils = choices_or_404(request, board_councils(request.user))
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
            messages.success(
                request,
                _(
                    "Het voorstel is ingediend. De afdeling %(department)s beslist erover "
                    "uiterlijk op %(date)s; u krijgt het besluit per e-mail en vindt het bij Mijn "
                    "verzoeken."
                )
                % _promise(proposal),
            )
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "contracts/proposal_form.html",
        {"form": form, "for_council": True, "term_days": services.CASE_TERM_DAYS},
    )


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
                _(
                    "Bedankt, uw e-mailadres is bevestigd. Uw voorstel is nu ingediend. De "
                    "afdeling %(department)s beslist erover uiterlijk op %(date)s; u krijgt het "
                    "besluit per e-mail."
                )
                % _promise(proposal),
            )
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "contracts/proposal_verify.html",
        {"error": error, "term_days": services.CASE_TERM_DAYS},
    )


def proposal_assess(request, pk):
    """Officers score the three criteria (one form) and move the proposal (the other)."""
    proposal = selectors.proposal_detail(pk)
    authorize(request, "contracts.assess_challengeproposal", proposal)
    scoring = "score" in request.POST
    score_form = ProposalScoreForm(
        request.POST if scoring else None, proposal=proposal, prefix="score"
    )
    form = ProposalTransitionForm(
        request.POST if "transition" in request.POST else None, proposal=proposal
    )
    if request.method == "POST":
        try:
            if scoring and score_form.is_valid():
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
                    evaluation_outcome=form.cleaned_data["evaluation_outcome"],
                    evaluation_summary=form.cleaned_data["evaluation_summary"],
                )
                messages.success(request, _("De status van het voorstel is gewijzigd."))
                return redirect(proposal.get_absolute_url())
        except ValidationError as error:
            apply_errors(score_form if scoring else form, error)
    return render(
        request,
        "contracts/proposal_assess.html",
        {"proposal": proposal, "form": form, "score_form": score_form},
    )
