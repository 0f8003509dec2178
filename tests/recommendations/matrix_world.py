from tests.recommendations.factories import (
    ActionItemFactory,
    ReactionFactory,
    RecommendationFactory,
)


def extend_world(values, *, council_a, council_b, users):
    recommendation = RecommendationFactory(number=1)
    action = ActionItemFactory(recommendations=[recommendation])
    values["recommendation_number"] = recommendation.number
    values["action_id"] = action.pk
    values["reaction_id"] = ReactionFactory(action=action, council=council_a).pk
