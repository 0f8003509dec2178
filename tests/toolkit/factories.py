import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import CouncilFactory, OfficerFactory
from toolkit.models import Channel, ChannelKind, EntryKind, InventoryStatus, KnowHowEntry, ReachUnit


class ChannelKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChannelKind
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kanaalsoort {n}")
    slug = factory.Sequence(lambda n: f"kanaalsoort-{n}")
    default_reach_unit = ReachUnit.FOLLOWERS
    order = factory.Sequence(lambda n: n)


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    council = factory.SubFactory(CouncilFactory)
    kind = factory.SubFactory(ChannelKindFactory)
    name = factory.Sequence(lambda n: f"Kanaal {n}")
    url = "https://kanaal.example/"
    audience = "bewoners"
    frequency = "wekelijks"
    reach = 500
    reach_unit = ReachUnit.FOLLOWERS
    reach_measured_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )
    yearly_cost = Decimal("100.00")
    effort_hours = Decimal("4.0")
    results = "Veel reacties op foto's van buurtacties."


class InventoryStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InventoryStatus

    council = factory.SubFactory(CouncilFactory)
    checked_at = factory.LazyFunction(timezone.now)


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KnowHowEntry

    title = factory.Sequence(lambda n: f"Handleiding {n}")
    slug = factory.Sequence(lambda n: f"handleiding-{n}")
    kind = EntryKind.GUIDE
    summary = "Een korte handleiding."
    body = "## Stap 1\n\nBegin klein."
    author = factory.SubFactory(OfficerFactory)
