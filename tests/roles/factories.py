import datetime

import factory
from django.utils import timezone

from roles.models import Role, RoleDeclaration
from tests.factories import CouncilFactory, UserFactory


class RoleDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleDeclaration

    council = factory.SubFactory(CouncilFactory)
    role = Role.NETWORK
    start = factory.LazyFunction(timezone.localdate)
    declared_by = factory.SubFactory(UserFactory)
    declared_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))
    frameworks_acknowledged = factory.LazyAttribute(lambda o: o.role == Role.SELF)
