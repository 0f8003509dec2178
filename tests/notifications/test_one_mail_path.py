"""One mail path: every message the portal sends is an outbox row — also to people without an
account — the unique occasion key holds for addresses too, a mail server that is down never
fails a form, and digests go out in batch tasks."""

import datetime
import math
import zoneinfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.contracts.factories import TerrainFactory
from tests.factories import InvitationFactory
from tests.notifications.factories import daily_digest_subscribers
from wijkportaal.accounts.models import Invitation, UserKind
from wijkportaal.accounts.services import invitation_create
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.notifications import sending
from wijkportaal.notifications.due import due_work_run, reminders_queue
from wijkportaal.notifications.hooks import NotificationKind, ReminderSource
from wijkportaal.notifications.models import (
    Notification,
    NotificationStatus,
)
from wijkportaal.notifications.tasks import send_digest_batch

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
SMTP_DOWN = "tests.notifications.mail_backends.SMTPDownBackend"
OUTBOX_ONLY = "tests.notifications.mail_backends.OutboxOnlyBackend"
PROPOSAL = {
    "group_name": "Bewonersgroep Lindelaan",
    "contact_name": "Joost Bakker",
    "contact_email": "Joost@Example.test",
    "task": "Onderhoud van het buurtgroen aan de Lindelaan",
    "field": "groen",
    "current_provider": "Afdeling Openbare Ruimte",
    "plan": "Twintig vrijwilligers onderhouden het groen.",
    "support_evidence": "Handtekeningen van 85 huishoudens.",
    "cost_comparison": "Nu € 12.000 per jaar, straks € 9.500.",
    "quality": "Wij laten ons twee keer per jaar schouwen.",
}


def later_moment() -> datetime.datetime:
    """Noon two days ahead: every daily digest is due then."""
    day = timezone.localdate() + datetime.timedelta(days=2)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=AMS)


# --- (a) nothing leaves without its outbox row ------------------------------------------------


@pytest.mark.usefixtures("outbox_only_mail")
def test_an_invitation_goes_to_the_address_through_the_outbox(
    officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(actor=officer, email="Noor@Example.test", kind=UserKind.CITY_COUNCILLOR)
    row = Notification.objects.get(kind="accounts.invitation")
    assert row.recipient is None and row.recipient_key == "a:noor@example.test"
    assert row.status == NotificationStatus.SENT
    (message,) = mail.outbox
    assert message.to == ["noor@example.test"]
    assert "/accounts/uitnodiging/" in message.body
    # An address has no preferences: no unsubscribe link, no "you have an account".
    assert "List-Unsubscribe" not in message.extra_headers
    assert "/mijn/meldingen/" not in message.body


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_renewal_request_goes_to_the_inviter_through_the_outbox(
    client, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory()
    url = reverse("accounts:invitation-renewal", kwargs={"token": invitation.token})
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=15)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(url)
        client.post(url)
    row = Notification.objects.get(kind="accounts.invitation_renewal")
    assert row.recipient == invitation.invited_by and row.status == NotificationStatus.SENT
    assert [message.to for message in mail.outbox] == [[invitation.invited_by.email]]


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_renewal_request_whose_inviter_left_goes_to_the_municipality(
    client, settings, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(invited_by__is_active=False)
    url = reverse("accounts:invitation-renewal", kwargs={"token": invitation.token})
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=15)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(url)
    assert [message.to for message in mail.outbox] == [[settings.MUNICIPALITY_CONTACT_EMAIL]]


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_verification_link_goes_to_the_resident_group_through_the_outbox(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/uitdaagrecht/voorstel/", {**PROPOSAL, "terrain": TerrainFactory().pk}
        )
    assert response.status_code == 302
    row = Notification.objects.get(kind="contracts.proposal_verify")
    assert row.recipient_key == "a:joost@example.test"
    (message,) = mail.outbox
    assert message.to == ["joost@example.test"]
    assert "/uitdaagrecht/bevestigen/" in message.body


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_password_reset_link_goes_through_the_outbox(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    row = Notification.objects.get(kind="accounts.account_mail")
    assert row.recipient is None and row.to_address == member.email
    (message,) = mail.outbox
    assert "/accounts/password/reset/key/" in message.body
    assert "/accounts/password/reset/key/" in message.alternatives[0][0]
    assert message.subject.count("[Wijkportaal]") == 1


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_reminder_goes_through_the_outbox(plugin, councillor, django_capture_on_commit_callbacks):
    plugin(NotificationKind("test_due", "Testherinnering", "notifications/email/generic"))
    plugin(
        ReminderSource(
            "test_due",
            find_due=lambda now: [
                Due(councillor.pk, "test_due", "test-due:1", context={"subject": "Let op"})
            ],
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(timezone.now()) == 1
    assert [message.to for message in mail.outbox] == [[councillor.email]]


@pytest.mark.usefixtures("outbox_only_mail")
def test_a_digest_goes_through_the_outbox():
    (user,) = daily_digest_subscribers(1)
    result = due_work_run(later_moment(), send_inline=True)
    assert result["digests"] == 1 and result["sent"] == 1
    assert [message.to for message in mail.outbox] == [[user.email]]


def test_the_check_catches_mail_sent_past_the_outbox(settings):
    """The checking backend itself: a message with no row is refused."""
    settings.EMAIL_BACKEND = OUTBOX_ONLY
    with pytest.raises(AssertionError, match="without an outbox row"):
        send_mail("Rechtstreeks", "Buiten de outbox om.", None, ["iemand@example.test"])
    assert mail.outbox == []


# --- (b) SMTP down: the form works, the mail follows once SMTP is back -------------------------


def test_an_invitation_made_while_smtp_is_down_is_saved_and_sent_once_smtp_is_back(
    client, officer, settings, monkeypatch, django_capture_on_commit_callbacks
):
    broker = []  # the send tasks the broker holds until a worker takes them
    monkeypatch.setattr(sending, "sending_enqueue", broker.extend)
    settings.EMAIL_BACKEND = SMTP_DOWN
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_invitation_add"),
            {"email": "nieuw@example.test", "kind": UserKind.CITY_COUNCILLOR},
        )
    assert response.status_code == 302
    assert {m.level_tag for m in get_messages(response.wsgi_request)} == {"success"}
    assert Invitation.objects.filter(email="nieuw@example.test").exists()
    (row,) = Notification.objects.all()
    assert broker == [row.pk]

    # A worker takes the task while the mail server is still down: a temporary failure.
    with pytest.raises(sending.TemporaryFailure):
        sending.notification_send(notification_id=row.pk)
    row.refresh_from_db()
    assert row.status == NotificationStatus.QUEUED and "SMTPServerDisconnected" in row.last_error

    settings.EMAIL_BACKEND = OUTBOX_ONLY
    later = timezone.now() + sending.SWEEP_AFTER
    assert sending.outbox_sweep(later, send_inline=True) == 1
    assert sending.outbox_sweep(later, send_inline=True) == 0
    # The task's own retry arrives after the sweeper sent it: nothing more leaves.
    assert sending.notification_send(notification_id=row.pk) == NotificationStatus.SENT
    assert [message.to for message in mail.outbox] == [["nieuw@example.test"]]


def test_a_password_reset_while_smtp_is_down_answers_and_waits_in_the_outbox(
    client, member, settings, monkeypatch, django_capture_on_commit_callbacks
):
    broker = []
    monkeypatch.setattr(sending, "sending_enqueue", broker.extend)
    settings.EMAIL_BACKEND = SMTP_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    (row,) = Notification.objects.filter(status=NotificationStatus.QUEUED)
    assert broker == [row.pk]


# --- (c) the unique key holds for addresses ----------------------------------------------------


def test_one_occasion_to_an_address_gives_one_row():
    def ask(address):
        return mail_queue(
            [Due(None, "message", "vraag:7", context={"subject": "Vraag"}, address=address)]
        )

    first = ask("Wijkraad@Example.test")
    again = ask(" wijkraad@example.test ")
    other = ask("secretaris@example.test")
    assert len(first) == 1 and again == [] and len(other) == 1
    assert sorted(Notification.objects.values_list("recipient_key", flat=True)) == [
        "a:secretaris@example.test",
        "a:wijkraad@example.test",
    ]


def test_the_database_refuses_a_second_row_for_an_address_occasion():
    fields = {"recipient_key": "a:x@example.test", "kind": "message", "occasion": "vraag:1"}
    Notification.objects.create(to_address="x@example.test", subject="1", body_text="1", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            to_address="X@example.test", subject="2", body_text="2", **fields
        )


def test_an_address_gets_a_kind_users_can_switch_off_without_an_unsubscribe_link(optional_kind):
    (notification_id,) = mail_queue(
        [Due(None, optional_kind.key, "x:1", address="afdeling@example.test")]
    )
    row = Notification.objects.get(pk=notification_id)
    assert row.recipient is None and row.to_address == "afdeling@example.test"
    assert "/mijn/meldingen/afmelden/" not in row.body_text


# --- (d) digests in batch tasks ----------------------------------------------------------------


@pytest.mark.parametrize("recipients", [1, 4, 5])
def test_due_work_queues_one_task_per_digest_batch_and_each_recipient_gets_one_digest(
    recipients, eager, monkeypatch, django_capture_on_commit_callbacks
):
    users = daily_digest_subscribers(recipients)
    batches = []
    run_batch = send_digest_batch.apply_async

    def spy(args=None, kwargs=None, **options):
        batches.append(list(args[0]))
        return run_batch(args, kwargs, **options)

    monkeypatch.setattr(send_digest_batch, "apply_async", spy)
    moment = later_moment()
    with django_capture_on_commit_callbacks(execute=True):
        result = due_work_run(moment, batch_size=2)
        again = due_work_run(moment, batch_size=2)

    assert result["digest_batches"] == len(batches) == math.ceil(recipients / 2)
    assert sorted(user_id for batch in batches for user_id in batch) == sorted(
        user.pk for user in users
    )
    assert again["digest_batches"] == 0
    # A batch task delivered twice (redelivery after a lost ack) builds nothing again.
    assert send_digest_batch.apply(args=(batches[0], moment.isoformat())).get() == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in users)
    assert Notification.objects.filter(kind="digest", status=NotificationStatus.SENT).count() == (
        recipients
    )
