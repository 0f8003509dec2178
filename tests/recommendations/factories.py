import factory

from recommendations.models import ActionItem, Recommendation, Stance
from tests.factories import DepartmentFactory


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
