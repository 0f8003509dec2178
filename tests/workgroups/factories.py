import datetime

import factory
from django.utils import timezone

from tests.factories import CouncilFactory, DepartmentFactory, UserFactory
from workgroups.models import (
    ContactMoment,
    ContactMomentKind,
    Deliverable,
    Meeting,
    Workgroup,
    WorkgroupMember,
)


class WorkgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workgroup

    name = factory.Sequence(lambda n: f"Werkgroep {n}")
    slug = factory.Sequence(lambda n: f"werkgroep-{n}")
    mandate = "Werk de **rollen** uit."
    chair = factory.SubFactory(UserFactory)


class WorkgroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkgroupMember

    workgroup = factory.SubFactory(WorkgroupFactory)
    person = factory.SubFactory(UserFactory)


def _in_days(days, hour=19):
    return timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=days)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    workgroup = factory.SubFactory(WorkgroupFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    starts_at = factory.LazyFunction(lambda: _in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Stadhuis"


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    workgroup = factory.SubFactory(WorkgroupFactory)
    title = factory.Sequence(lambda n: f"Opbrengst {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))


class ContactMomentKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMomentKind

    name = factory.Sequence(lambda n: f"Wijkschouw {n}")
    slug = factory.Sequence(lambda n: f"soort-{n}")
    department = factory.SubFactory(DepartmentFactory)
    description = "Samen door de wijk lopen."
    frequency = "twee keer per jaar"


class ContactMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMoment

    kind = factory.SubFactory(ContactMomentKindFactory)
    council = factory.SubFactory(CouncilFactory)
    starts_at = factory.LazyFunction(lambda: _in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Buurthuis"
