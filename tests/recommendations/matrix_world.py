from recommendations.services import reaction_create
from tests.recommendations.factories import (
    ActionItemFactory,
    ReactionFactory,
    RecommendationFactory,
)
from wijkportaal.desk.selectors import case_for_subject


def extend_world(values, *, council_a, council_b, users):
    recommendation = RecommendationFactory(number=1)
    action = ActionItemFactory(recommendations=[recommendation])
    values["recommendation_number"] = recommendation.number
    values["action_id"] = action.pk
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
