"""Every public page runs the same number of queries at scale 1 and at scale 10."""

import pytest
from django.test.utils import CaptureQueriesContext

from tests.factories import CouncillorFactory, MembershipFactory
from tests.recommendations.factories import build_progress_data

pytestmark = pytest.mark.django_db

# A cold cache: the monitor's worst case.
BOUNDS = {
    # Includes the indicators, computed on every request (two queries plus each source's own).
    "/voortgang/": 13,
    # One page of the action list: count, page, dependencies, recommendations, departments
    # of the filter.
    "/voortgang/acties/?status=lopend&over_tijd=nee": 13,
    # Includes one query per app that links actions to what carries them out (workgroups,
    # training, toolkit, contracts): constant, whatever the data size.
    "/voortgang/aanbevelingen/1/": 14,
    "/voortgang/acties/{action}/": 14,
    "/voortgang/feed/": 3,
    "/voortgang/aanbevelingen/1/feed/": 3,
    "/voortgang/export.csv": 4,
    # Plus the indicators with their history and the desk's answer times.
    "/voortgang/export.json": 8,
}


@pytest.mark.parametrize("scale", [1, 10])
@pytest.mark.parametrize("path", list(BOUNDS))
def test_public_pages_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, scale, path
):
    actions = build_progress_data(scale)
    url = path.format(action=actions[len(actions) // 2].pk)
    with django_assert_max_num_queries(BOUNDS[path]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("scale", [1, 10])
def test_action_page_for_a_member_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, scale
):
    actions = build_progress_data(scale)
    client.force_login(MembershipFactory().person)
    with django_assert_max_num_queries(20):
        assert client.get(actions[-1].get_absolute_url()).status_code == 200


@pytest.mark.parametrize("scale", [1, 10])
def test_my_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, scale):
    from recommendations import services

    actions = build_progress_data(scale)
    user = CouncillorFactory()
    for action in actions:
        services.follow_create(actor=user, action=action)
    client.force_login(user)
    # /mijn/ also holds the sections of notifications, workgroups and training.
    with django_assert_max_num_queries(24):
        assert client.get("/mijn/").status_code == 200


WARM_ADMIN_QUERIES = 13


@pytest.mark.parametrize("scale", [1, 10])
def test_admin_dashboard_runs_a_constant_number_of_queries(
    client, administrator, django_assert_max_num_queries, scale
):
    build_progress_data(scale)
    client.force_login(administrator)
    # The late and soon-due lists are capped: their keys and their first rows, two queries.
    # Two more are Django's ModelBackend reading the user's and groups' table permissions, once
    # per request — the administrator is no superuser any more (issue 15), so a permission the
    # rules refuse is asked there too. Cold, the indicators are computed with their history
    # (one query for the snapshots), kept for every page that shows them.
    with django_assert_max_num_queries(24):
        assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("scale", [1, 10])
def test_warm_admin_dashboard_asks_only_what_is_personal(
    client, officer, django_assert_max_num_queries, scale
):
    """Warm, the indicators and the actions per department come from the cache (kept under
    the scope versions) and the app list is built once: left are the session and the user,
    the officer's late and soon-due lists, the desk's worklist and the latest updates."""
    build_progress_data(scale)
    client.force_login(officer)
    client.get("/admin/")
    with django_assert_max_num_queries(WARM_ADMIN_QUERIES):
        assert client.get("/admin/").status_code == 200


def test_warm_monitor_needs_almost_no_queries(client):
    """The indicators are kept until any write (all_indicator_rows): nothing is computed
    again."""
    build_progress_data(2)
    client.get("/voortgang/")
    with CaptureQueriesContext(__import__("django.db").db.connection) as queries:
        client.get("/voortgang/")
    assert len(queries) <= 3
