"""Reads of the right to challenge: only verified proposals exist for the outside world."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.desk.models import Case
from wijkportaal.desk.selectors import case_for_subject

from .models import ChallengeProposal, ChallengeTerrain, ProposalTransition


def terrains() -> list[ChallengeTerrain]:
    """Every terrain with the date it opens (one query)."""
    return list(ChallengeTerrain.objects.order_by("opens_on", "order", "name"))


def proposal_list():
    return (
        ChallengeProposal.objects.verified()
        .select_related("council", "terrain")
        .order_by("-submitted_at", "-pk")
    )


def proposal_detail(pk: int) -> ChallengeProposal:
    """Only verified proposals exist for the outside world."""
    return get_object_or_404(
        ChallengeProposal.objects.verified()
        .select_related("council", "terrain")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=ProposalTransition.objects.select_related("by").order_by("at", "pk"),
            )
        ),
        pk=pk,
    )


def proposal_case(proposal: ChallengeProposal) -> Case | None:
    """The proposal's case at the desk (none for a proposal from before the desk, or one not
    verified yet). One query."""
    return case_for_subject(proposal)


def search_proposals(query: str, user) -> list[SearchHit]:
    """Search (/zoeken/): right-to-challenge proposals whose task, plan, group or wijkraad
    match; only verified ones, as everywhere outside the admin (never the contact details).
    One query."""
    found = matching(
        ChallengeProposal.objects.verified().select_related("council"),
        query,
        ("task", "plan", "group_name", "council__name"),
    )
    return [
        SearchHit(
            proposal.task,
            proposal.get_absolute_url(),
            snippet(proposal.plan, query),
        )
        for proposal in found[:RESULTS_PER_SOURCE]
    ]
