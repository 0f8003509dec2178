"""The data migrations that open desk cases for the submissions that were open before the desk:
run on today's rows, they open one case per open submission, dated from the row, in the
right state, and send nothing; a second run changes nothing."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from contracts.ondersteuning.models import SupportRequestStatus
from contracts.uitdaagrecht.models import ProposalStatus, ProposalTransition
from contracts.wijkcontracten.models import ContractStatus
from tests.contracts.factories import ContractFactory, ProposalFactory, SupportRequestFactory
from tests.factories import MembershipFactory
from wijkportaal.core.workdays import add_working_days
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

MIGRATIONS = (
    "contracts.migrations.0003_support_request_cases",
    "contracts.migrations.0004_contract_request_cases",
    "contracts.migrations.0005_proposal_cases",
)


def migrate_twice():
    for _ in range(2):
        for name in MIGRATIONS:
            importlib.import_module(name).open_cases(apps, None)


def test_open_submissions_become_cases_dated_from_their_rows():
    asked = timezone.now() - datetime.timedelta(days=20)
    chair = MembershipFactory(function="voorzitter").person
    waiting = SupportRequestFactory(created_at=asked, requested_by=chair)
    handled = SupportRequestFactory(status=SupportRequestStatus.IN_PROGRESS)
    SupportRequestFactory(status=SupportRequestStatus.ANSWERED, answer="Klaar.")
    requested = ContractFactory(requested_at=asked, requested_by=chair)
    ContractFactory(status=ContractStatus.EXPLORING)
    group = ProposalFactory(verified_at=asked, status=ProposalStatus.ADMISSIBLE)
    ProposalTransition.objects.create(
        proposal=group, from_status="ingediend", to_status="ontvankelijk", at=asked
    )
    ProposalFactory(verified_at=None)
    ProposalFactory(status=ProposalStatus.GRANTED, motivation="Goed plan.")

    migrate_twice()

    assert Case.objects.count() == 4
    case = Case.objects.get(kind="ondersteuning.request", object_id=waiting.pk)
    assert case.status == CaseStatus.RECEIVED and case.received_at == asked
    assert case.submitted_by == chair and case.department.slug == "wijkzaken-en-participatie"
    assert case.answer_by == add_working_days(timezone.localdate(asked), 10)
    assert list(case.events.values_list("event", flat=True)) == ["received"]
    case = Case.objects.get(kind="ondersteuning.request", object_id=handled.pk)
    assert case.status == CaseStatus.IN_PROGRESS
    assert list(case.events.values_list("event", flat=True)) == ["received", "started"]
    case = Case.objects.get(kind="wijkcontracten.request")
    assert case.object_id == requested.pk and case.received_at == asked
    assert case.answer_by == add_working_days(timezone.localdate(asked), 20)
    case = Case.objects.get(kind="uitdaagrecht.proposal")
    assert case.object_id == group.pk and case.status == CaseStatus.IN_PROGRESS
    assert case.is_public and case.submitter_email == group.contact_email
    assert case.department.slug == "maatschappelijke-ontwikkeling"
    assert not Notification.objects.exists()
