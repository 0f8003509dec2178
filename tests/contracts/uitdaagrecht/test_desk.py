"""Right-to-challenge proposals at the desk: a case from the moment the proposal counts (at once
for a board, at the address's verification for a resident group), with its mails exactly once;
taking it up and deciding it move and answer the case through the desk."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import signing

from contracts.uitdaagrecht import services
from tests.contracts.uitdaagrecht.test_challenge import CONTENT
from tests.factories import OfficerFactory
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
GROUP = "groep@example.test"


@pytest.fixture
def desk_officer(desk_departments):
    return OfficerFactory(department=desk_departments["maatschappelijke-ontwikkeling"])


def mails(kind):
    return Notification.objects.filter(kind=kind)


def group_proposal():
    return services.proposal_submit_by_group(
        group_name="Bewonersgroep Lindelaan",
        contact_name="Joost Bakker",
        contact_email=GROUP,
        data=dict(CONTENT),
    )


def verify(proposal):
    token = signing.dumps({"p": proposal.pk, "e": GROUP}, salt=services.VERIFY_SALT)
    return services.proposal_verify(token=token)


@time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False)
def test_a_group_proposal_becomes_a_case_when_its_address_is_verified(desk_officer):
    proposal = group_proposal()
    assert not Case.objects.exists() and not mails(desk.RECEIPT).exists()

    verify(proposal)
    verify(proposal)  # the link opened twice

    case = Case.objects.get()
    assert case.kind == "uitdaagrecht.proposal" and case.subject == proposal
    assert case.council is None and case.submitted_by is None and case.is_public
    assert case.submitter_email == GROUP and "Bewonersgroep Lindelaan" in case.submitter_name
    assert case.department.slug == "maatschappelijke-ontwikkeling" and case.topic == "groen"
    # Thirty working days; Christmas Day and New Year's Day do not count.
    assert case.answer_by == datetime.date(2027, 1, 27)
    assert list(mails(desk.RECEIPT).values_list("to_address", flat=True)) == [GROUP]
    assert set(mails(desk.NEW_CASE).values_list("to_address", flat=True)) == {
        desk_officer.email,
        "maatschappelijke-ontwikkeling@gemeente.test",
    }


def test_a_board_proposal_is_a_case_at_once(client, chair, council, desk_officer):
    client.force_login(chair)
    form = client.get("/uitdaagrecht/voorstel/wijkraad/").text
    assert "binnen 30 werkdagen" in form and 'href="/mijn/verzoeken/"' in form
    response = client.post(
        "/uitdaagrecht/voorstel/wijkraad/", {"council": council.pk, **CONTENT}, follow=True
    )
    case = Case.objects.get()
    assert case.submitted_by == chair and case.council == council
    assert list(mails(desk.RECEIPT).values_list("recipient", flat=True)) == [chair.pk]
    assert "De afdeling Maatschappelijke Ontwikkeling beslist erover uiterlijk op" in response.text
    assert f'href="/mijn/verzoeken/{case.pk}/"' in response.text


def test_taking_up_and_deciding_move_and_answer_the_case_once(client, desk_officer):
    proposal = verify(group_proposal())
    services.proposal_transition(actor=desk_officer, proposal=proposal, to_status="ontvankelijk")
    assert Case.objects.get().status == CaseStatus.IN_PROGRESS
    services.proposal_transition(actor=desk_officer, proposal=proposal, to_status="beoordeling")
    services.proposal_score(
        actor=desk_officer,
        proposal=proposal,
        not_more_expensive=True,
        at_least_same_quality=True,
        demonstrable_support=True,
    )
    services.proposal_transition(
        actor=desk_officer,
        proposal=proposal,
        to_status="toegekend",
        motivation="Goedkoper, even goed en breed gedragen.",
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.ANSWERED and case.answer_public
    assert "toe" in case.answer and "Goedkoper, even goed en breed gedragen." in case.answer
    assert list(mails(desk.ANSWER_OWN).values_list("to_address", flat=True)) == [GROUP]

    services.proposal_transition(actor=desk_officer, proposal=proposal, to_status="uitvoering")
    services.proposal_transition(
        actor=desk_officer,
        proposal=proposal,
        to_status="geevalueerd",
        evaluation_outcome="deels",
        evaluation_summary="Het onderhoud liep goed, de kosten vielen hoger uit.",
    )
    assert Case.objects.get().status == CaseStatus.CLOSED
    assert mails(desk.ANSWER_OWN).count() == 1 and not mails(desk.CLOSED).exists()

    # Anyone reading the proposal sees who decided and by when.
    page = client.get(proposal.get_absolute_url()).text
    assert "Bij de gemeente" in page and "Maatschappelijke Ontwikkeling" in page


def test_rejecting_at_once_answers_with_the_motivation(desk_officer):
    proposal = verify(group_proposal())
    services.proposal_transition(
        actor=desk_officer, proposal=proposal, to_status="afgewezen", motivation="Geen taak."
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.ANSWERED and case.answer.endswith("Geen taak.")
    assert mails(desk.ANSWER_OWN).count() == 1
