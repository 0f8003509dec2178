import datetime

import factory
from django.utils import timezone

from council.models import Decision, Reply, Viewpoint, Visit


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    title = factory.Sequence(lambda n: f"Politieke keuze {n}")
    summary = "De raad kiest hoe de wijken meedoen."
    decision_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    link = "https://raad.example.test/besluit/1"


class ViewpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Viewpoint

    decision = factory.SubFactory(DecisionFactory)
    council = factory.SubFactory("tests.factories.CouncilFactory")
    text = "Onze wijk vraagt om meer groen."


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    viewpoint = factory.SubFactory(ViewpointFactory)
    author = factory.SubFactory("tests.factories.CouncillorFactory")
    text = "Dank, ik neem het mee."


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    councillor = factory.SubFactory("tests.factories.CouncillorFactory")
    council = factory.SubFactory("tests.factories.CouncilFactory")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    topic = "Kennismaking"
