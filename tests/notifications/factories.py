import factory
from django.utils import timezone

from recommendations.models import Follow, ProgressUpdate, Reaction
from tests.factories import OfficerFactory
from tests.recommendations.factories import ActionItemFactory


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionItemFactory)
    author = factory.SubFactory(OfficerFactory)
    created_at = factory.LazyFunction(timezone.now)
    text = "De eerste bijeenkomst was goed bezocht."
    status_before = "gepland"
    status_after = "gepland"
    progress_before = 0
    progress_after = 10


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    action = factory.SubFactory(ActionItemFactory)
    text = "Wij doen graag mee."
