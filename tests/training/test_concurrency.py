"""Two people asking for the last seat at the same moment: the database decides."""

import threading

import pytest
from django.db import connection

from tests.factories import MembershipFactory
from tests.pg import requires_postgres
from training import services
from training.models import Enrolment, SeatStatus

from .factories import SessionFactory


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_members_racing_for_the_last_seat_one_gets_it_the_other_waits():
    session = SessionFactory(capacity=1)
    people = [MembershipFactory().person for _ in range(2)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def enrol(person):
        try:
            barrier.wait(timeout=5)
            results.append(services.enrolment_create(actor=person, session=session).status)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    assert sorted(results) == [SeatStatus.ENROLLED, SeatStatus.WAITING]
    assert Enrolment.objects.filter(session=session, status=SeatStatus.ENROLLED).count() == 1


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_one_member_enrolling_twice_at_once_gets_one_enrolment():
    session = SessionFactory(capacity=5)
    person = MembershipFactory().person
    barrier = threading.Barrier(2)
    outcomes = []

    def enrol():
        try:
            barrier.wait(timeout=5)
            services.enrolment_create(actor=person, session=session)
            outcomes.append("ok")
        except Exception as error:  # noqa: BLE001
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["ValidationError", "ok"]
    assert Enrolment.objects.filter(session=session, person=person).count() == 1


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_the_last_conference_seat():
    from tests.factories import CouncillorFactory
    from training.models import ConferenceRegistration

    from .factories import ConferenceFactory

    conference = ConferenceFactory(capacity=1)
    people = [MembershipFactory().person, CouncillorFactory()]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def register(person):
        try:
            barrier.wait(timeout=5)
            registration = services.conference_register(actor=person, conference=conference)
            results.append(registration.status)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    assert sorted(results) == [SeatStatus.ENROLLED, SeatStatus.WAITING]
    assert ConferenceRegistration.objects.filter(status=SeatStatus.ENROLLED).count() == 1
