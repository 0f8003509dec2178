import datetime

import factory
from django.utils import timezone

from recommendations.models import Follow, ProgressUpdate, Reaction
from tests.factories import CouncillorFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from wijkportaal.notifications.models import NotificationPreference


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


def daily_digest_subscribers(count: int) -> list:
    """Councillors with a daily digest that has news: they follow an action updated half an
    hour ago, by an officer who wants no digest (so the councillors are exactly who is due)."""
    now = timezone.now()
    action = ActionItemFactory(title="Wijkradenconferentie")
    users = [CouncillorFactory() for _ in range(count)]
    for user in users:
        NotificationPreference.objects.create(
            user=user,
            digest_frequency="dagelijks",
            last_digest_at=now - datetime.timedelta(hours=1),
        )
        FollowFactory(user=user, action=action)
    author = OfficerFactory()
    NotificationPreference.objects.create(user=author, digest_frequency="nooit")
    ProgressUpdateFactory(
        action=action, author=author, created_at=now - datetime.timedelta(minutes=30)
    )
    return users
