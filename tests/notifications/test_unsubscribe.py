import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from tests.factories import CouncillorFactory
from wijkportaal.notifications.hooks import NotificationKind
from wijkportaal.notifications.models import Notification, NotificationPreference
from wijkportaal.notifications.outbox import notification_queue
from wijkportaal.notifications.preferences import unsubscribe_token, unsubscribe_url
from wijkportaal.notifications.sending import notification_send

pytestmark = pytest.mark.django_db


def url_for(user, kind):
    return f"/mijn/meldingen/afmelden/{unsubscribe_token(user.pk, kind)}/"


def test_anyone_with_the_link_sees_a_confirm_button_and_nothing_changes_yet(client, councillor):
    response = client.get(url_for(councillor, "digest"))
    assert response.status_code == 200
    assert "Ja, afmelden" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=councillor).exists()


def test_confirming_without_login_stops_the_digest(client, councillor):
    response = client.post(url_for(councillor, "digest"))
    assert response.status_code == 200
    assert "U bent afgemeld" in response.content.decode()
    assert NotificationPreference.objects.get(user=councillor).digest_frequency == "nooit"


def test_one_click_post_from_a_mail_client_needs_no_csrf_token(councillor, optional_kind):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        url_for(councillor, optional_kind.key), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=councillor).disabled_kinds == [optional_kind.key]


def test_a_kind_that_cannot_be_switched_off_stays_on(client, councillor):
    response = client.post(url_for(councillor, "message"))
    assert "Afmelden kan hier niet" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=councillor).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_link_shows_a_dutch_page_and_changes_nothing(client, councillor, method):
    token = unsubscribe_token(councillor.pk, "digest")
    other = CouncillorFactory()
    forged = unsubscribe_token(other.pk, "digest").split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (token[:-2] + "xx", forged, "zomaar-iets"):
        response = getattr(client, method)(f"/mijn/meldingen/afmelden/{bad}/")
        assert response.status_code == 400
        assert "Deze afmeldlink werkt niet" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_expired_link_shows_a_dutch_page_and_changes_nothing(client, councillor):
    with time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)):
        url = url_for(councillor, "digest")
    with time_machine.travel(datetime.datetime(2027, 1, 3, tzinfo=datetime.UTC)):
        response = client.post(url)
    assert response.status_code == 400
    assert "ouder dan een jaar" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_every_email_has_the_link_in_its_footer_and_headers(councillor):
    notification_id = notification_queue(
        recipient_id=councillor.pk,
        kind="message",
        occasion="vraag:1",
        context={"subject": "Een vraag", "text": "Hoe gaat het?"},
    )
    notification_send(notification_id=notification_id)
    message = mail.outbox[0]
    link = unsubscribe_url(councillor.pk, "message").rsplit("/afmelden/", 1)[0]
    assert link + "/afmelden/" in message.body
    assert "/afmelden/" in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{link}/afmelden/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_kind_whose_templates_forget_the_footer_still_gets_the_link(councillor, settings, plugin):

    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "bare_subject.txt": "Kaal bericht",
                            "bare.txt": "Alleen tekst.",
                            "bare.html": "<html lang='nl'><body><p>Alleen HTML.</p></body></html>",
                        },
                    ),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
            "APP_DIRS": False,
        }
    ]
    plugin(NotificationKind("bare", "Kaal", "bare"))
    notification_id = notification_queue(recipient_id=councillor.pk, kind="bare", occasion="kaal:1")
    row = Notification.objects.get(pk=notification_id)
    assert row.body_text.startswith("Alleen tekst.")
    assert "/mijn/meldingen/afmelden/" in row.body_text
    assert "/mijn/meldingen/afmelden/" in row.body_html
    assert row.body_html.endswith("</body></html>")
