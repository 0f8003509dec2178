"""The computed indicators are kept under the versions of every page-cache scope: a write
through any app's service shows at once (here a role declaration, which is not the
recommendations' own data), and a warm call asks the database nothing."""

import json

import pytest
from django.utils import timezone

from recommendations import selectors
from roles.models import Role
from roles.services import role_declaration_create
from tests.recommendations.factories import IndicatorFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

SOURCE = "roles.current_declaration_share"


@pytest.fixture
def indicator():
    return IndicatorFactory(
        recommendation=RecommendationFactory(number=1),
        title="Wijkraden met een geldende rolkeuze",
        source=SOURCE,
        target=50,
        manual_value=None,
    )


def shown_value(html: str) -> str:
    """The figure after "Nu" of the one indicator on the page."""
    part = html.split("Wijkraden met een geldende rolkeuze", 1)[1]
    return part.split("<dt>Nu</dt><dd>", 1)[1].split("</dd>", 1)[0].strip()


def test_a_declaration_through_the_service_changes_the_figure_on_every_page(
    client, indicator, council, chair, officer
):
    client.force_login(chair)  # logged in: a fresh render, no page cache
    assert shown_value(client.get("/voortgang/").content.decode()) == "0 %"
    assert shown_value(client.get("/voortgang/aanbevelingen/1/").content.decode()) == "0 %"

    role_declaration_create(
        actor=chair, council=council, role=Role.NETWORK, start=timezone.localdate()
    )

    assert shown_value(client.get("/voortgang/").content.decode()) == "100 %"
    assert shown_value(client.get("/voortgang/aanbevelingen/1/").content.decode()) == "100 %"
    row = next(row for row in selectors.admin_dashboard(officer)["indicators"])
    assert row["value"] == 100 and row["status"] == "gehaald"
    export = json.loads(b"".join(client.get("/voortgang/export.json").streaming_content))
    assert export["indicators"][0]["value"] == 100


def test_a_warm_call_runs_no_query(indicator, council, django_assert_num_queries):
    cold = selectors.all_indicator_rows()
    cold_one = selectors.cached_indicator_rows(recommendation=indicator.recommendation)
    with django_assert_num_queries(0):
        warm = selectors.all_indicator_rows()
        warm_one = selectors.cached_indicator_rows(recommendation=indicator.recommendation)
    assert [row["value"] for row in warm] == [row["value"] for row in cold] == [0]
    assert [row["key"] for row in warm_one] == [row["key"] for row in cold_one] == [indicator.key]


def test_the_figure_is_computed_again_after_the_time_slot(
    indicator, council, settings, time_machine, django_assert_max_num_queries
):
    settings.PAGECACHE_TIME_SLOT = 300
    time_machine.move_to(timezone.now(), tick=False)
    selectors.all_indicator_rows()
    time_machine.shift(301)
    with django_assert_max_num_queries(10) as queries:
        selectors.all_indicator_rows()
    assert len(queries) > 0  # counted again: a session may have ended in the meantime
