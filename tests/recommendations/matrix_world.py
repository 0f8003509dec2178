import datetime

from django.utils import timezone

from recommendations.models import AnswerVersion, IndicatorSnapshot, ProgrammeEvent
from recommendations.services import reaction_create
from tests.recommendations.factories import (
    ActionItemFactory,
    IndicatorFactory,
    ProgressUpdateFactory,
    ReactionFactory,
    RecommendationFactory,
)
from wijkportaal.desk.selectors import case_for_subject


def extend_world(values, *, council_a, council_b, users):
    recommendation = RecommendationFactory(number=1)
    action = ActionItemFactory(recommendations=[recommendation])
    values["recommendation_number"] = recommendation.number
    values["action_id"] = action.pk
    values["progress_update_id"] = ProgressUpdateFactory(action=action).pk
    values["reaction_id"] = ReactionFactory(action=action, council=council_a).pk
    # Reactions through the service: cases at the desk, of wijkraad A's member and of B's board.
    values["case_reaction_a"] = case_for_subject(
        reaction_create(actor=users["member"], action=action, text="Matrix.", council=council_a)
    ).pk
    values["case_reaction_b"] = case_for_subject(
        reaction_create(
            actor=users["other_board"], action=action, text="Matrix.", council=council_b
        )
    ).pk
    indicator = IndicatorFactory(recommendation=recommendation)
    values["indicator_id"] = indicator.pk
    values["recommendation_id"] = recommendation.pk
    values["snapshot_id"] = IndicatorSnapshot.objects.create(
        indicator=indicator,
        kind="maandelijks",
        month=datetime.date(2026, 1, 1),
        taken_at=timezone.now(),
        value=1,
        target=2,
        status="achter",
        live=False,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    ).pk
    values["answer_version_id"] = AnswerVersion.objects.create(
        recommendation=recommendation,
        valid_from=datetime.date(2025, 6, 30),
        stance=recommendation.stance,
        answer=recommendation.answer,
    ).pk
    values["programme_event_id"] = ProgrammeEvent.objects.create(
        date=datetime.date(2025, 6, 30), kind="brief", title="Brief"
    ).pk
