"""Taking part in the budget pilot: a board registers interest (a case at the desk), an
officer admits up to the round's cap (default two) or declines with a reason; a third
admission is refused with a clear Dutch error and nothing is saved."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from contracts.beheerexperiment import services
from contracts.beheerexperiment.models import (
    BudgetPilot,
    ParticipationStatus,
    PilotParticipation,
)
from tests.contracts.factories import ParticipationFactory, RoundFactory
from tests.factories import MembershipFactory, OfficerFactory
from tests.pg import requires_postgres
from wijkportaal.core.errors import NotFound
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification


@pytest.fixture
def desk_officer(desk_departments):
    return OfficerFactory(department=desk_departments["wijkzaken-en-participatie"])


@pytest.fixture
def pilot_round(db):
    return RoundFactory()


def register(actor, pilot_round, council, motivation="Wij willen het groen zelf beheren."):
    return services.pilot_interest_register(
        actor=actor, pilot_round=pilot_round, council=council, motivation=motivation
    )


@pytest.mark.django_db
def test_board_registers_interest_and_officer_and_board_are_told_once(
    chair, council, pilot_round, desk_officer
):
    participation = register(chair, pilot_round, council)
    assert participation.status == ParticipationStatus.INTERESTED
    case = Case.objects.get()
    assert case.kind == "beheerexperiment.interest" and case.subject == participation
    assert case.department.slug == "wijkzaken-en-participatie"
    receipts = Notification.objects.filter(kind=desk.RECEIPT)
    assert list(receipts.values_list("recipient", flat=True)) == [chair.pk]
    assert desk_officer.email in set(
        Notification.objects.filter(kind=desk.NEW_CASE).values_list("to_address", flat=True)
    )

    services.pilot_participation_decide(
        actor=desk_officer, participation=participation, admit=True, reason="Welkom."
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED
    assert "is toegelaten tot" in case.answer
    answers = Notification.objects.filter(recipient=chair).exclude(kind=desk.RECEIPT)
    assert answers.count() == 1
    # The admitted wijkraad has its budget pilot for the round's year.
    pilot = BudgetPilot.objects.get(council=council)
    assert pilot.round == pilot_round and pilot.year == pilot_round.year


@pytest.mark.django_db
def test_a_wijkraad_registers_only_once_per_round(chair, council, pilot_round):
    register(chair, pilot_round, council)
    with pytest.raises(ValidationError) as error:
        register(chair, pilot_round, council)
    assert "heeft zich al aangemeld" in error.value.message_dict["council"][0]
    assert PilotParticipation.objects.count() == 1


@pytest.mark.django_db
def test_registration_needs_a_motivation_and_an_open_round(chair, council, pilot_round):
    with pytest.raises(ValidationError) as error:
        register(chair, pilot_round, council, motivation="  ")
    assert "motivation" in error.value.message_dict
    pilot_round.interest_open = False
    pilot_round.save()
    with pytest.raises(ValidationError) as error:
        register(chair, pilot_round, council)
    assert "niet meer mogelijk" in error.value.messages[0]
    assert not PilotParticipation.objects.exists() and not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "other_chair", "officer"])
def test_only_the_board_registers_its_wijkraad(request, council, pilot_round, who):
    with pytest.raises(NotFound):
        register(request.getfixturevalue(who), pilot_round, council)


@pytest.mark.django_db
def test_a_third_admission_is_refused_and_nothing_is_saved(officer, pilot_round):
    first, second, third = ParticipationFactory.create_batch(3, round=pilot_round)
    for participation in (first, second):
        services.pilot_participation_decide(actor=officer, participation=participation, admit=True)
    with pytest.raises(ValidationError) as error:
        services.pilot_participation_decide(actor=officer, participation=third, admit=True)
    message = error.value.messages[0]
    assert "Deze ronde is vol: er zijn al 2 van de 2 wijkraden toegelaten" in message
    third.refresh_from_db()
    assert third.status == ParticipationStatus.INTERESTED and third.decided_at is None
    assert BudgetPilot.objects.count() == 2


@pytest.mark.django_db
def test_declining_needs_a_reason_and_a_decision_is_not_taken_twice(officer, pilot_round):
    participation = ParticipationFactory(round=pilot_round)
    with pytest.raises(ValidationError) as error:
        services.pilot_participation_decide(
            actor=officer, participation=participation, admit=False, reason=""
        )
    assert "reason" in error.value.message_dict
    services.pilot_participation_decide(
        actor=officer, participation=participation, admit=False, reason="De ronde is vol."
    )
    with pytest.raises(ValidationError) as error:
        services.pilot_participation_decide(actor=officer, participation=participation, admit=True)
    assert "al besloten" in error.value.messages[0]
    assert not BudgetPilot.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_officers_decide(request, pilot_round, who):
    participation = ParticipationFactory(round=pilot_round)
    with pytest.raises(PermissionDenied):
        services.pilot_participation_decide(
            actor=request.getfixturevalue(who), participation=participation, admit=True
        )


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_admissions_at_once_cannot_pass_the_cap():
    pilot_round = RoundFactory(cap=1)
    first, second = ParticipationFactory.create_batch(2, round=pilot_round)
    officers = OfficerFactory.create_batch(2)
    barrier = threading.Barrier(2)
    results = []

    def admit(actor, participation):
        try:
            barrier.wait(timeout=10)
            services.pilot_participation_decide(
                actor=actor, participation=participation, admit=True
            )
            results.append("ok")
        except ValidationError as error:
            results.append(error.messages[0])
        finally:
            connection.close()

    pairs = zip(officers, (first, second), strict=True)
    threads = [threading.Thread(target=admit, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results)[-1] == "ok" and results.count("ok") == 1
    assert PilotParticipation.objects.filter(status=ParticipationStatus.ADMITTED).count() == 1


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_board_registers_through_the_pilot_page(client, chair, council, pilot_round):
    client.force_login(chair)
    page = client.get("/beheerexperiment/")
    assert "Aanmelden voor deze ronde" in page.text
    url = f"/beheerexperiment/rondes/{pilot_round.pk}/aanmelden/"
    response = client.post(url, {"council": council.pk, "motivation": ""})
    assert response.status_code == 200 and 'id="id_motivation_error"' in response.text
    response = client.post(url, {"council": council.pk, "motivation": "Wij willen meedoen."})
    assert response.status_code == 302
    page = client.get("/beheerexperiment/")
    assert f"{council.name}: aangemeld" in page.text
    assert "Aanmelden voor deze ronde" not in page.text


@pytest.mark.django_db
def test_officer_sees_the_cap_error_on_the_decision_page(client, officer, pilot_round):
    ParticipationFactory.create_batch(2, round=pilot_round, status=ParticipationStatus.ADMITTED)
    waiting = ParticipationFactory(round=pilot_round)
    client.force_login(officer)
    url = f"/beheerexperiment/aanmeldingen/{waiting.pk}/besluiten/"
    assert waiting.council.name in client.get(url).text
    response = client.post(url, {"admit": "ja", "reason": ""})
    assert response.status_code == 200
    # An error that belongs to no field is shown once, above the form (not also in the summary).
    assert response.text.count("Deze ronde is vol") == 1
    waiting.refresh_from_db()
    assert waiting.status == ParticipationStatus.INTERESTED
    response = client.post(url, {"admit": "nee", "reason": "Volgend jaar weer."})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == ParticipationStatus.DECLINED


def _rounds(n):
    for _ in range(n):
        pilot_round = RoundFactory()
        ParticipationFactory.create_batch(3, round=pilot_round)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 8])
def test_pilot_list_with_rounds_queries_do_not_grow(
    client, chair, django_assert_max_num_queries, size
):
    _rounds(size)
    MembershipFactory(person=chair, council=ParticipationFactory().council, function="voorzitter")
    client.force_login(chair)
    with django_assert_max_num_queries(10):
        assert client.get("/beheerexperiment/").status_code == 200
    url = f"/beheerexperiment/rondes/{RoundFactory().pk}/aanmelden/"
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
