import pytest

from tests.conftest import client_for
from tests.factories import UserFactory
from wijkportaal.notifications.models import Notification, NotificationStatus, recipient_key
from wijkportaal.notifications.sending import notification_resend

pytestmark = pytest.mark.django_db

LIST = "/admin/notifications/notification/"


def make_message(status=NotificationStatus.SENT, **fields):
    recipient = UserFactory()
    return Notification.objects.create(
        recipient=recipient,
        recipient_key=recipient_key(recipient.pk),
        kind=fields.pop("kind", "message"),
        occasion=fields.pop("occasion", f"test:{recipient.pk}"),
        to_address=recipient.email,
        subject=fields.pop("subject", "Uw voortgangsoverzicht"),
        body_text=fields.pop("body_text", "Dit veranderde."),
        body_html=fields.pop("body_html", "<p>Dit veranderde.</p>"),
        status=status,
        **fields,
    )


def test_officer_can_filter_and_search_the_outbox(client, officer):
    failed = make_message(NotificationStatus.FAILED, subject="Mislukt bericht")
    make_message(subject="Gelukt bericht")
    client_for(client, officer)

    response = client.get(LIST, {"status__exact": "failed"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mislukt bericht" in content and "Gelukt bericht" not in content

    response = client.get(LIST, {"q": failed.to_address})
    assert list(response.context["cl"].result_list) == [failed]


def test_officer_reads_a_message_with_its_html_escaped(client, officer):
    message = make_message(body_html='<p onclick="x()">Hallo</p><script>alert(1)</script>')
    response = client_for(client, officer).get(f"{LIST}{message.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content
    assert "Dit veranderde." in content


def test_officer_can_resend_a_failed_message(client, officer):
    failed = make_message(NotificationStatus.FAILED, attempts=5, last_error="550 onbekend")
    sent = make_message()
    response = client_for(client, officer).post(
        LIST, {"action": "resend", "_selected_action": [failed.pk, sent.pk]}
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == NotificationStatus.QUEUED and failed.attempts == 0
    assert sent.status == NotificationStatus.SENT


def test_councillor_cannot_resend(councillor):
    failed = make_message(NotificationStatus.FAILED)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        notification_resend(actor=councillor, notification=failed)
    failed.refresh_from_db()
    assert failed.status == NotificationStatus.FAILED


def test_councillor_cannot_open_the_outbox(client, councillor):
    response = client_for(client, councillor).get(LIST)
    assert response.status_code == 302


SENT = "/mijn/meldingen/verzonden/"


def test_officer_reads_the_latest_sent_mails_in_the_demo(client, officer):
    make_message(subject="Voortgang: 2 wijzigingen", body_text="== Aanbeveling 3 ==")
    make_message(NotificationStatus.QUEUED, subject="Nog niet weg")
    response = client_for(client, officer).get(SENT)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Voortgang: 2 wijzigingen" in content and "== Aanbeveling 3 ==" in content
    assert "Nog niet weg" not in content


def test_councillor_cannot_read_sent_mails(client, councillor):
    assert client_for(client, councillor).get(SENT).status_code == 404


def test_sent_mails_page_is_gone_outside_the_demo(client, officer, settings):
    settings.DEMO_ACCOUNTS_ENABLED = False
    assert client_for(client, officer).get(SENT).status_code == 404


def test_sent_mails_page_runs_the_same_queries_for_more_mails(
    client, officer, django_assert_max_num_queries
):
    client_for(client, officer)
    make_message()
    with django_assert_max_num_queries(8):
        client.get(SENT)
    for _ in range(8):
        make_message()
    with django_assert_max_num_queries(8):
        client.get(SENT)


def test_nobody_reads_an_invitation_link_back_from_the_outbox(client, officer):
    """An officer could otherwise accept an administrator's invitation themselves."""
    invitation = make_message(
        kind="accounts.invitation", body_text="Maak uw account aan: /uitnodiging/geheim/"
    )
    client_for(client, officer)
    content = client.get(f"{LIST}{invitation.pk}/change/").content.decode()
    assert "/uitnodiging/geheim/" not in content and "persoonlijke link" in content
    assert "/uitnodiging/geheim/" not in client.get(SENT).content.decode()
