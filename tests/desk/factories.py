import datetime

import factory
from django.utils import timezone

from tests.factories import CouncilFactory, DepartmentFactory
from wijkportaal.core.workdays import add_working_days
from wijkportaal.desk.models import Case, CaseStatus

TEST_KIND = "testverzoek"


class CaseFactory(factory.django.DjangoModelFactory):
    """A case row written directly (for data volume and the matrix); tests of behaviour open
    cases through services.case_open."""

    class Meta:
        model = Case

    kind = TEST_KIND
    title = factory.Sequence(lambda n: f"Verzoek {n}")
    summary = "Graag een reactie."
    council = factory.SubFactory(CouncilFactory)
    department = factory.SubFactory(DepartmentFactory)
    status = CaseStatus.RECEIVED
    received_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    answer_by = factory.LazyAttribute(
        lambda o: add_working_days(timezone.localdate(o.received_at), 10)
    )
