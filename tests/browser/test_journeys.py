"""End-to-end journeys in a real browser, one per kind of user, with axe-core on every page
each journey passes (issue 9, item 1)."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from recommendations import services as recommendation_services
from tests.browser.conftest import login
from tests.factories import PASSWORD, CouncillorFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 150


def tab_to(page, name):
    """Press Tab until the focused element's text matches `name`: how a keyboard user gets
    there. Fails when the element is not reachable with the keyboard."""
    pattern = re.compile(name) if isinstance(name, str) else name
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "() => (document.activeElement && document.activeElement.innerText) || ''"
        )
        if pattern.search(text.strip()):
            return
    raise AssertionError(f"{name!r} is niet met Tab te bereiken op {page.url}")


@pytest.fixture
def progress(db):
    recommendations = [
        RecommendationFactory(number=n, title=f"Aanbeveling over onderwerp {n}")
        for n in range(1, 11)
    ]
    roles = ActionItemFactory(title="Werkgroep rollen", recommendations=[recommendations[0]])
    campaign = ActionItemFactory(title="Promotiecampagne", recommendations=[recommendations[3]])
    toolkit = ActionItemFactory(title="Toolkit communicatie", recommendations=[recommendations[4]])
    officer = OfficerFactory(department=roles.department)
    recommendation_services.progress_update_create(
        actor=officer,
        action=roles,
        text="Eerste bijeenkomst gehouden",
        status="lopend",
        progress=30,
    )
    return recommendations, [roles, campaign, toolkit]


def test_resident_reads_the_monitor_and_downloads_the_csv_with_the_keyboard_only(
    page, live_server, axe, progress
):
    _recommendations, actions = progress
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_have_count(1)
    axe(page)

    tab_to(page, r"^Voortgang$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/$"))
    expect(page.get_by_role("table", name=re.compile("De tien aanbevelingen"))).to_be_visible()
    axe(page)

    tab_to(page, r"Aanbeveling over onderwerp 1$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/aanbevelingen/1/$"))
    expect(page.locator("h1")).to_contain_text("Aanbeveling over onderwerp 1")
    expect(page.get_by_text("Werkgroep rollen").first).to_be_visible()
    axe(page)

    # Back to the monitor through the breadcrumb.
    tab_to(page, r"^Voortgang$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/$"))

    tab_to(page, r"^Download als CSV$")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "voortgang-acties.csv"
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert sorted(row["titel"] for row in rows) == sorted(action.title for action in actions)


def next_weekly_digest_moment():
    """An hour after the next Monday's send moment (07:00 local): the weekly digest is due."""
    from wijkportaal.notifications.digests import local_zone, send_moment

    today = timezone.localdate()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    return send_moment(monday).astimezone(local_zone()) + datetime.timedelta(hours=1)


def test_councillor_follows_a_recommendation_and_receives_the_update_in_the_digest(
    page, live_server, axe, progress
):
    from wijkportaal.notifications.digests import DIGEST_KIND
    from wijkportaal.notifications.models import Notification
    from wijkportaal.notifications.services import due_work_run

    _recommendations, actions = progress
    roles = actions[0]
    councillor = CouncillorFactory(email="raadslid@example.test")
    login(page, live_server, councillor.email, PASSWORD)
    expect(
        page.get_by_role("link", name="Uitloggen").or_(page.get_by_role("button", name="Uitloggen"))
    ).to_be_visible()
    page.goto(live_server.url + "/voortgang/aanbevelingen/1/")
    axe(page)
    page.get_by_role("button", name="Volgen").click()
    expect(page.get_by_role("button", name="Niet meer volgen")).to_be_visible()
    axe(page)

    officer = OfficerFactory(department=roles.department)
    recommendation_services.progress_update_create(
        actor=officer, action=roles, text="Rolkeuzes besproken met alle wijkraden", progress=60
    )

    with time_machine.travel(next_weekly_digest_moment(), tick=False):
        result = due_work_run(timezone.now(), send_inline=True)
    assert result["digests"] >= 1
    digest = Notification.objects.get(recipient=councillor, kind=DIGEST_KIND)
    assert "Werkgroep rollen" in digest.body_text
    assert "Rolkeuzes besproken met alle wijkraden" in digest.body_text
    assert digest.to_address == councillor.email
