"""Reads of the budget pilot: a constant number of queries per page, whatever the data size.

Money totals are derived from the ledger of decisions (a reversal counts negatively), never
read from a stored total: what is shown as spent is the sum of the entries shown."""

from __future__ import annotations

from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wijkportaal.core.money import MONEY_FIELD, ZERO
from wijkportaal.permissions import current_council_ids

from .models import (
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ParticipationStatus,
    PilotParticipation,
    PilotRound,
    signed_amount_expression,
)

MONEY = DecimalField(**MONEY_FIELD)
# One entry's effect on the ledger: a decision adds, a reversal takes off.
SIGNED_AMOUNT = signed_amount_expression()


def _ledger_sum(**filters) -> Subquery:
    """The signed sum of the decisions matching `filters` (OuterRef allowed), as a subquery."""
    return Coalesce(
        Subquery(
            BudgetDecision.objects.filter(**filters)
            .order_by()
            .values("line__pilot")
            .annotate(total=Sum(SIGNED_AMOUNT))
            .values("total")[:1],
            output_field=MONEY,
        ),
        Value(ZERO, output_field=MONEY),
    )


def _lines_with_ledger():
    """A pilot's lines, each with `booked` (the signed sum of its decisions) and `remaining`."""
    return (
        BudgetLine.objects.annotate(
            booked=Coalesce(
                Sum(signed_amount_expression("decisions__")),
                Value(ZERO, output_field=MONEY),
            )
        )
        .annotate(remaining=F("amount") - F("booked"))
        .order_by("kind")
    )


def pilot_list():
    """Three queries: the pilots (with ledger totals as subqueries) and their lines."""
    line_total = Coalesce(
        Subquery(
            BudgetLine.objects.filter(pilot=OuterRef("pk"))
            .order_by()
            .values("pilot")
            .annotate(total=Sum("amount"))
            .values("total")[:1],
            output_field=MONEY,
        ),
        Value(ZERO, output_field=MONEY),
    )
    decision_count = Coalesce(
        Subquery(
            BudgetDecision.objects.filter(line__pilot=OuterRef("pk"))
            .order_by()
            .values("line__pilot")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )
    return list(
        BudgetPilot.objects.select_related("council")
        .prefetch_related(Prefetch("lines", queryset=BudgetLine.objects.order_by("kind")))
        .annotate(
            total=line_total,
            total_spent=_ledger_sum(line__pilot=OuterRef("pk")),
            decision_count=decision_count,
        )
        .order_by("-year", "council__name")
    )


def pilot_detail(pk: int) -> BudgetPilot:
    """The pilot with its lines, each with its ledger total (`booked`, `remaining`)."""
    return get_object_or_404(
        BudgetPilot.objects.select_related("council").prefetch_related(
            Prefetch("lines", queryset=_lines_with_ledger())
        ),
        pk=pk,
    )


def pilot_decisions(pilot: BudgetPilot):
    """Every entry of the ledger, decisions and reversals alike, each reversal with the
    decision it reverses (one query)."""
    return (
        BudgetDecision.objects.filter(line__pilot=pilot)
        .select_related("line", "reverses")
        .order_by("-decided_on", "-pk")
    )


def decision_for_reversal(pk: int) -> BudgetDecision:
    """A decision (not a reversal) with its pilot and what of it is not yet reversed."""
    return get_object_or_404(
        BudgetDecision.objects.filter(reverses__isnull=True)
        .select_related("line__pilot__council")
        .annotate(
            reversed_amount=Coalesce(Sum("reversals__amount"), Value(ZERO, output_field=MONEY))
        )
        .annotate(remaining=F("amount") - F("reversed_amount")),
        pk=pk,
    )


def pilot_rounds(user):
    """The rounds with their participants (two queries), each round with `admitted_count`
    and, for a board member, `can_register`: the user's wijkraden not yet in the round."""
    rounds = list(
        PilotRound.objects.prefetch_related(
            Prefetch(
                "participations",
                queryset=PilotParticipation.objects.select_related("council").order_by(
                    "council__name"
                ),
            )
        )
        .annotate(
            admitted_count=Count(
                "participations", filter=Q(participations__status=ParticipationStatus.ADMITTED)
            )
        )
        .order_by("-year", "title")
    )
    board_ids = current_council_ids(user, board_only=True) if user.is_authenticated else frozenset()
    for pilot_round in rounds:
        registered = {p.council_id for p in pilot_round.participations.all()}
        pilot_round.can_register = pilot_round.interest_open and bool(board_ids - registered)
    return rounds


def pilot_round(pk: int) -> PilotRound:
    return get_object_or_404(PilotRound, pk=pk)


def participations_waiting():
    """Interested wijkraden still waiting for a decision, for the officers' page (one query)."""
    return (
        PilotParticipation.objects.filter(status=ParticipationStatus.INTERESTED)
        .select_related("round", "council")
        .order_by("round__year", "registered_at")
    )


def participation(pk: int) -> PilotParticipation:
    return get_object_or_404(PilotParticipation.objects.select_related("round", "council"), pk=pk)
