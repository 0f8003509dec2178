"""Two officers answering the same case at the same moment: one answer, one mail."""

import threading

import pytest
from django.db import connection

from tests.desk.factories import TEST_KIND
from tests.factories import OfficerFactory
from tests.pg import requires_postgres
from wijkportaal.desk import services
from wijkportaal.desk.models import Case, CaseEvent
from wijkportaal.notifications.models import Notification


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_answering_a_case_twice_at_the_same_moment_gives_one_answer_and_one_mail(
    case_kind, council, chair, department
):
    case = services.case_open(
        kind=TEST_KIND, title="Bankje bij de speeltuin", council=council, submitted_by=chair
    )
    officers = [OfficerFactory(department=department) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def answer(officer, text):
        try:
            barrier.wait(timeout=5)
            services.case_answer(actor=officer, case=case, text=text, public=True)
            outcomes.append("ok")
        except Exception as error:  # noqa: BLE001 - reported below
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=answer, args=(officer, f"Antwoord van {officer.pk}"))
        for officer in officers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == ["ValidationError", "ok"]
    assert CaseEvent.objects.filter(case=case, event="answered").count() == 1
    assert Case.objects.get().answer.startswith("Antwoord van")
    assert Notification.objects.filter(kind=services.ANSWER_OWN).count() == 1
