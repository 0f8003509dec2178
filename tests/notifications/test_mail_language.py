"""Mails are written in the recipient's language (a user's own choice; for an address the
language of the page the request came from) and carry a Message-ID on SITE_URL's domain."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import trans_real

from tests.factories import UserFactory
from wijkportaal.core.mail import message_id
from wijkportaal.notifications import outbox
from wijkportaal.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_only_mail")]

ACCOUNT_EN = "You are receiving this message because you have an account on the"
ACCOUNT_NL = "U krijgt dit bericht omdat u een account heeft op het wijkportaal."


@pytest.fixture(autouse=True)
def compiled():
    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}


def send(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.notification_queue(
            recipient_id=user.pk,
            kind="message",
            occasion=f"vraag:{user.pk}",
            context={"subject": "Vraag", "text": "Hoe gaat het?"},
        )
    return mail.outbox[-1]


def test_a_user_gets_mail_in_their_own_language(django_capture_on_commit_callbacks):
    english = send(UserFactory(language="en"), django_capture_on_commit_callbacks)
    dutch = send(UserFactory(language="nl"), django_capture_on_commit_callbacks)
    assert ACCOUNT_EN in english.body and ACCOUNT_NL not in english.body
    assert '<html lang="en">' in english.alternatives[0][0]
    assert ACCOUNT_NL in dutch.body
    assert '<html lang="nl">' in dutch.alternatives[0][0]


def test_a_password_reset_asked_on_an_english_page_is_english(
    client, member, settings, django_capture_on_commit_callbacks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    english = Notification.objects.get(kind="accounts.account_mail")
    assert "Password Reset" in english.subject

    Notification.objects.all().delete()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    dutch = Notification.objects.get(kind="accounts.account_mail")
    assert "Password" not in dutch.subject


def test_the_message_id_is_on_the_domain_of_site_url(settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://wijkportaal.voorbeeldstad.nl"
    message = send(UserFactory(), django_capture_on_commit_callbacks)
    header = message.message()["Message-ID"]
    assert header.endswith("@wijkportaal.voorbeeldstad.nl>"), header
    assert "localhost" not in header
    assert message_id() != message_id()
