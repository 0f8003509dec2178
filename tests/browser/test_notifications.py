import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, CouncillorFactory, OfficerFactory
from tests.notifications.factories import FollowFactory, ProgressUpdateFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from wijkportaal.notifications.digests import digests_queue
from wijkportaal.notifications.models import Notification, NotificationPreference
from wijkportaal.notifications.preferences import unsubscribe_token
from wijkportaal.notifications.sending import notification_send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_preferences_page_has_no_axe_violations_also_with_errors(page, live_server, axe):
    user = CouncillorFactory()
    login(page, live_server, user.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/meldingen/")
    expect(page.locator("h1")).to_have_count(1)
    axe(page)
    # A tampered form: an unknown frequency gives an error beside the field.
    page.eval_on_selector("input[value=wekelijks]", "el => { el.value = 'elk-uur'; }")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_digest_frequency_error")).to_contain_text("Kies dagelijks")
    axe(page)
    page.get_by_label("maandelijks").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("opgeslagen")
    assert NotificationPreference.objects.get(user=user).digest_frequency == "maandelijks"


def test_unsubscribe_pages_have_no_axe_violations(page, live_server, axe):
    user = CouncillorFactory()
    page.goto(f"{live_server.url}/mijn/meldingen/afmelden/kapot/")
    expect(page.locator("h1")).to_contain_text("Deze afmeldlink werkt niet")
    axe(page)
    page.goto(f"{live_server.url}/mijn/meldingen/afmelden/{unsubscribe_token(user.pk, 'digest')}/")
    axe(page)
    page.get_by_role("button", name="Ja, afmelden").click()
    expect(page.locator("h1")).to_contain_text("U bent afgemeld")
    axe(page)


def test_digest_email_and_sent_mails_page_have_no_axe_violations(page, live_server, axe):
    now = datetime.datetime.now(datetime.UTC)
    action = ActionItemFactory(
        title="Scholingsprogramma", recommendations=[RecommendationFactory(number=3)]
    )
    councillor = CouncillorFactory()
    FollowFactory(user=councillor, action=action)
    NotificationPreference.objects.create(
        user=councillor, last_digest_at=now - datetime.timedelta(hours=3)
    )
    ProgressUpdateFactory(action=action, created_at=now - datetime.timedelta(hours=2))
    assert digests_queue(now + datetime.timedelta(days=8)) == 1
    digest = Notification.objects.get(kind="digest")
    notification_send(notification_id=digest.pk)

    page.set_content(digest.body_html)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)

    officer = OfficerFactory()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/meldingen/verzonden/")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("1 wijziging")
    axe(page)
