import smtplib

import pytest
from django.core import mail

from tests.factories import UserFactory
from wijkportaal.notifications import outbox, sending
from wijkportaal.notifications.models import Notification, NotificationStatus

pytestmark = pytest.mark.django_db


def queue(user, occasion="test:1", **context):
    return outbox.notification_queue(
        recipient_id=user.pk,
        kind="message",
        occasion=occasion,
        context={
            "subject": "Vraag over de wijkkrant",
            "text": "Hoe vaak verschijnt jullie krant?",
            **context,
        },
    )


def test_one_occasion_gives_one_message(django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = queue(user)
        second = queue(user)
    assert first is not None and second is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.endswith("Vraag over de wijkkrant")
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_sent_message_is_never_sent_again():
    user = UserFactory()
    notification_id = queue(user)
    assert sending.notification_send(notification_id=notification_id) == NotificationStatus.SENT
    assert sending.notification_send(notification_id=notification_id) == NotificationStatus.SENT
    assert len(mail.outbox) == 1


def test_invalid_address_fails_with_reason_and_others_go_on():
    good, bad = UserFactory(), UserFactory(email="geen-adres")
    bad_id, good_id = queue(bad), queue(good)
    assert sending.notification_send(notification_id=bad_id) == NotificationStatus.FAILED
    assert sending.notification_send(notification_id=good_id) == NotificationStatus.SENT
    assert Notification.objects.get(pk=bad_id).last_error == "Ongeldig e-mailadres"
    assert [m.to for m in mail.outbox] == [[good.email]]


def test_temporary_smtp_failure_is_retried_and_permanent_failure_marked(monkeypatch):
    user = UserFactory()
    notification_id = queue(user)

    def temporary(*args, **kwargs):
        raise smtplib.SMTPResponseException(451, b"try again later")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", temporary)
    with pytest.raises(sending.TemporaryFailure):
        sending.notification_send(notification_id=notification_id)
    row = Notification.objects.get(pk=notification_id)
    assert row.status == NotificationStatus.QUEUED and row.attempts == 1

    def permanent(*args, **kwargs):
        raise smtplib.SMTPResponseException(550, b"no such user")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", permanent)
    assert sending.notification_send(notification_id=notification_id) == NotificationStatus.FAILED
    assert "550" in Notification.objects.get(pk=notification_id).last_error


def test_sweeper_sends_what_was_left_queued(monkeypatch):
    import datetime

    from django.utils import timezone

    user = UserFactory()
    notification_id = queue(user)
    assert (
        sending.outbox_sweep(timezone.now(), send_inline=True) == 0
    )  # too fresh: its task may still run
    later = timezone.now() + datetime.timedelta(minutes=5)
    assert sending.outbox_sweep(later, send_inline=True) == 1
    assert Notification.objects.get(pk=notification_id).status == NotificationStatus.SENT
    assert len(mail.outbox) == 1


def test_subject_and_text_part_are_not_html_escaped():
    row = Notification.objects.get(
        pk=queue(UserFactory(), subject="Jan's krant & meer", text="Hoe gaat 't? <b>nu</b>")
    )
    assert row.subject.endswith("Jan's krant & meer")
    assert row.body_text.startswith("Hoe gaat 't? <b>nu</b>")
    assert "Hoe gaat &#x27;t? &lt;b&gt;nu&lt;/b&gt;" in row.body_html
