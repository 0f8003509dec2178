import datetime

import factory
from django.utils import timezone

from recommendations.models import (
    ActionItem,
    AnswerVersion,
    Indicator,
    IndicatorSnapshot,
    ProgrammeEvent,
    ProgressUpdate,
    Reaction,
    Recommendation,
    Stance,
)
from tests.factories import CouncilFactory, DepartmentFactory, OfficerFactory, UserFactory


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: n % 10 + 1)
    title = factory.Sequence(lambda n: f"Aanbeveling {n}")
    summary = "Wat de wijkraden vroegen."
    answer = "Wat de gemeente antwoordde."
    stance = Stance.ADOPTED


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Actie {n}")
    department = factory.SubFactory(DepartmentFactory)

    @factory.post_generation
    def recommendations(self, create, extracted, **kwargs):
        if create:
            self.recommendations.set(extracted or [RecommendationFactory()])


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionItemFactory)
    author = factory.SubFactory(OfficerFactory)
    text = factory.Sequence(lambda n: f"Voortgangsbericht {n}")
    status_before = "gepland"
    status_after = "lopend"
    progress_before = 0
    progress_after = 20


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    key = factory.Sequence(lambda n: f"indicator-{n}")
    recommendation = factory.SubFactory(RecommendationFactory)
    title = factory.Sequence(lambda n: f"Indicator {n}")
    target = 2
    manual_value = 1


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    action = factory.SubFactory(ActionItemFactory)
    author = factory.SubFactory(UserFactory)
    council = factory.SubFactory(CouncilFactory)
    text = "Goed dat dit loopt."


def build_progress_data(scale: int) -> list[ActionItem]:
    """Ten recommendations and `scale` × 5 actions with updates, reactions, dependencies,
    indicators and follows: enough variety to catch a query per row."""
    recommendations = [RecommendationFactory(number=n) for n in range(1, 11)]
    department = DepartmentFactory()
    officer = OfficerFactory(department=department)
    council = CouncilFactory()
    actions = []
    for index in range(scale * 5):
        action = ActionItemFactory(
            department=department,
            responsible=officer,
            recommendations=[recommendations[index % 10], recommendations[(index + 3) % 10]],
            status=["lopend", "gepland", "geblokkeerd"][index % 3],
            progress=index % 90,
            start_date=datetime.date(2026, 1, 1),
            due_date=datetime.date(2026, 10, 1) + datetime.timedelta(days=index * 7),
            financing_amount=1000 + index,
        )
        if actions:
            action.dependencies.add(actions[-1])
        for step in range(3):
            ProgressUpdateFactory(action=action, author=officer, text=f"Stap {step} van {index}")
        ReactionFactory(action=action, council=council)
        actions.append(action)
    for recommendation in recommendations[:scale]:
        indicator = IndicatorFactory(recommendation=recommendation)
        for month in range(1, scale + 1):
            IndicatorSnapshot.objects.create(
                indicator=indicator,
                kind="maandelijks",
                month=datetime.date(2025, month, 1),
                taken_at=timezone.make_aware(datetime.datetime(2025, month, 1, 2, 15)),
                value=month,
                target=indicator.target,
                status="achter",
                live=False,
                period_start=datetime.date(2025, 1, 1),
                period_end=datetime.date(2025, 12, 31),
            )
        AnswerVersion.objects.create(
            recommendation=recommendation,
            valid_from=datetime.date(2025, 6, 30),
            stance=recommendation.stance,
            answer=recommendation.answer,
        )
    for index in range(scale):
        ProgrammeEvent.objects.create(
            date=datetime.date(2025, 2, 1) + datetime.timedelta(days=index),
            kind="stadsgesprek",
            title=f"Stadsgesprek {index + 1}",
        )
    return actions
