import datetime

import factory
from django.utils import timezone

from training.models import (
    ROUND_KIND,
    Conference,
    ConferenceRegistration,
    Enrolment,
    Module,
    SeatStatus,
    Session,
    Topic,
    WishAnswer,
)
from wijkportaal.wijkraden.models import InventoryRound


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InventoryRound

    kind = ROUND_KIND
    title = factory.Sequence(lambda n: f"Scholingswensen ronde {n}")
    slug = factory.Sequence(lambda n: f"ronde-{n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    round = factory.SubFactory(RoundFactory)
    title = factory.Sequence(lambda n: f"Onderwerp {n}")
    order = factory.Sequence(lambda n: n)


class WishAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WishAnswer

    round = factory.SubFactory(RoundFactory)
    council = factory.SubFactory("tests.factories.CouncilFactory")
    own_wishes = ""


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    goals = "U weet hoe de gemeente besluit."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    module = factory.SubFactory(ModuleFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Stadhuis, zaal 2"
    capacity = 10
    trainer = "Marieke Hoekstra"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("tests.factories.UserFactory")
    status = SeatStatus.ENROLLED


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference
        django_get_or_create = ("slug",)

    year = factory.LazyAttribute(lambda o: timezone.localtime(o.starts_at).year)
    slug = factory.LazyAttribute(lambda o: str(o.year))
    theme = "Raad en wijk aan één tafel"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    venue = "Stadhuis"
    capacity = 100


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConferenceRegistration

    conference = factory.SubFactory(ConferenceFactory)
    person = factory.SubFactory("tests.factories.UserFactory")
    status = SeatStatus.ENROLLED
