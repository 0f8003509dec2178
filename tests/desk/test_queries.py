"""The worklist, /mijn/verzoeken/ and /voortgang/reactietijd/ run the same number of queries
with few and with many cases."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.desk.factories import CaseFactory
from tests.factories import DepartmentFactory, OfficerFactory
from wijkportaal.desk import selectors
from wijkportaal.desk.models import CaseStatus

pytestmark = pytest.mark.django_db


def build_cases(size: int, *, council, department, officer, submitter):
    """`size` cases of every sort: the officer's, the department's, overdue, answered,
    another department's, another wijkraad's."""
    today = timezone.localdate()
    other_department = DepartmentFactory()
    for index in range(size):
        late = datetime.timedelta(days=index % 3 - 1)
        CaseFactory(
            council=council, department=department, submitted_by=submitter, answer_by=today + late
        )
        CaseFactory(
            council=council,
            department=department,
            assignee=officer,
            status=CaseStatus.IN_PROGRESS,
            is_public=index % 2 == 0,
        )
        CaseFactory(
            council=council,
            department=department,
            submitted_by=submitter,
            status=CaseStatus.ANSWERED,
            answered_at=timezone.now(),
            answer="Antwoord",
            working_days_to_answer=index % 7,
            answered_in_term=index % 2 == 0,
        )
        CaseFactory(department=other_department)


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (content types, the progress monitor)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "who", "bound"),
    [
        # The whole admin front page: the worklist, the progress dashboard and the app list.
        ("/admin/", "officer", 15),
        ("/mijn/verzoeken/", "chair", 7),  # two lists, each a page and a count
        ("/voortgang/reactietijd/", "anonymous", 2),
    ],
)
def test_desk_pages_run_a_constant_number_of_queries(
    client, case_kind, council, chair, department, url, who, bound
):
    officer = OfficerFactory(department=department)
    user = {"officer": officer, "chair": chair, "anonymous": None}[who]
    counts = []
    for size in (2, 12):
        build_cases(size, council=council, department=department, officer=officer, submitter=chair)
        client.logout()
        if user is not None:
            client.force_login(user)
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1] <= bound


def test_the_worklist_selector_runs_three_queries(
    django_assert_num_queries, case_kind, council, chair, department
):
    officer = OfficerFactory(department=department)
    build_cases(5, council=council, department=department, officer=officer, submitter=chair)
    with django_assert_num_queries(3):
        data = selectors.worklist(officer)
        [case.council for case in data["mine"] + data["department"]]
    assert len(data["mine"]) == 5 and len(data["department"]) == 5


def test_the_answer_times_selector_runs_two_queries(
    django_assert_num_queries, case_kind, council, chair, department
):
    build_cases(
        5, council=council, department=department, officer=OfficerFactory(), submitter=chair
    )
    with django_assert_num_queries(2):
        figures = selectors.response_times()
    assert figures["total"]["received"] == 20
