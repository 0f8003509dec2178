"""The demo steps of workgroups, recommendations and roles submit through their services, so
`seed_demo` gives cases of their four kinds, which the desk's step moves along; a second run
opens nothing twice."""

import pytest
from django.core.management import call_command

from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

KINDS = {
    "workgroups.feedback",
    "workgroups.bottleneck",
    "recommendations.reaction",
    "roles.declaration",
}


@pytest.mark.django_db
def test_the_demo_opens_cases_of_every_app_kind_and_moves_them_along(client):
    call_command("seed_demo", verbosity=0)
    cases = Case.objects.filter(kind__in=KINDS)
    assert set(cases.values_list("kind", flat=True)) == KINDS
    # Every case has its subject, a wijkraad and a submitter.
    for case in cases:
        assert case.subject is not None and case.council_id and case.submitted_by_id
    # The desk's step took them into more than one state.
    assert cases.exclude(status=CaseStatus.RECEIVED).exists()
    assert (
        cases.filter(status=CaseStatus.RECEIVED).exists()
        or cases.filter(status=CaseStatus.IN_PROGRESS).exists()
    )
    # The demo account wijkraad2@ finds its own reaction on /mijn/verzoeken/.
    own = cases.get(
        submitted_by__email="wijkraad2@wijkportaal.test", kind="recommendations.reaction"
    )
    client.force_login(own.submitted_by)
    assert own.title in client.get("/mijn/verzoeken/").text
    count = cases.count()
    receipts = Notification.objects.filter(kind="desk.receipt").count()

    call_command("seed_demo", verbosity=0)

    assert Case.objects.filter(kind__in=KINDS).count() == count
    assert Notification.objects.filter(kind="desk.receipt").count() == receipts
