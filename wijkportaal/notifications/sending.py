"""Sending the outbox: one message per task, exactly once.

A row is sent by the task named SEND_TASK (tasks.py), queued after the commit that wrote it.
Temporary SMTP failures (4xx, a dropped connection) raise TemporaryFailure so the task retries
with backoff; permanent ones (5xx, a bad address) mark the row failed. The sweeper re-queues
rows whose task was lost (the broker was down, a worker died).

Tasks are queued by name, so that this module and the modules below tasks.py never import
the tasks module that imports them (the names are constants here and in due.py)."""

from __future__ import annotations

import datetime
import logging
import smtplib
import socket

from celery import current_app
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import message_id

from .models import Notification, NotificationStatus
from .preferences import unsubscribe_headers

logger = logging.getLogger(__name__)

SEND_TASK = "notifications.send"
MAX_ATTEMPTS = 5
# A queued message older than this without being sent is picked up again by the sweeper
# (its task was lost, e.g. because the broker was down when the event happened).
SWEEP_AFTER = datetime.timedelta(minutes=2)
SWEEP_LIMIT = 1000
# Few quick retries: when the broker is down the event must not wait for it.
BROKER_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}


class TemporaryFailure(Exception):
    """The mail server could not take the message now; try again later."""


def task_enqueue(task_name: str, *args) -> bool:
    """Queue the task `task_name` with `args`. False when the broker cannot be reached: the
    work is driven by database rows, so the next beat tick (sweeper, due work) picks it up."""
    try:
        current_app.signature(task_name, args=args).apply_async(retry_policy=BROKER_RETRY)
    except Exception:  # noqa: BLE001 - broker down: the rows wait for the next beat tick
        logger.warning("Broker unreachable; %s%r waits for the next beat tick", task_name, args)
        return False
    return True


def sending_enqueue(notification_ids: list[int]) -> None:
    """One send task per message (after commit; see outbox.notifications_queue)."""
    for notification_id in notification_ids:
        if not task_enqueue(SEND_TASK, notification_id):
            return  # the broker is down: do not wait for it once per message


def is_temporary(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return all(400 <= code < 500 for code in codes)
    return isinstance(
        error,
        (
            smtplib.SMTPServerDisconnected,
            smtplib.SMTPConnectError,
            ConnectionError,
            socket.timeout,
            OSError,
        ),
    )


def _message(notification: Notification) -> EmailMultiAlternatives:
    # Only users have preferences to unsubscribe from; an address gets no such header.
    headers = (
        unsubscribe_headers(notification.recipient_id, notification.kind)
        if notification.recipient_id
        else {}
    )
    headers["Message-ID"] = message_id(f"notification.{notification.pk}")
    message = EmailMultiAlternatives(
        notification.subject,
        notification.body_text,
        settings.DEFAULT_FROM_EMAIL,
        [notification.to_address],
        headers=headers,
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    return message


def notification_send(*, notification_id: int) -> str:
    """Send one queued message. The row is locked while sending, so two workers never send it
    both; a message already marked sent is never sent again. Raises TemporaryFailure for the
    task to retry; a permanent failure marks the message failed. Returns the final status."""
    temporary_error = None
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.status != NotificationStatus.QUEUED:
            return notification.status if notification else "locked"
        notification.attempts += 1
        try:
            validate_email(notification.to_address)
        except ValidationError:
            return _mark_failed(notification, "Ongeldig e-mailadres")
        try:
            _message(notification).send()
        except Exception as error:  # noqa: BLE001
            if not (is_temporary(error) and notification.attempts < MAX_ATTEMPTS):
                return _mark_failed(notification, f"{error.__class__.__name__}: {error}")
            # Record the attempt (committed), then let the task retry with backoff.
            temporary_error = f"{error.__class__.__name__}: {error}"[:2000]
            notification.last_error = temporary_error
            notification.save(update_fields=["attempts", "last_error"])
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
            notification.save(update_fields=["status", "sent_at", "attempts", "last_error"])
            return notification.status
    raise TemporaryFailure(temporary_error)


def _mark_failed(notification: Notification, reason: str) -> str:
    notification.status = NotificationStatus.FAILED
    notification.failed_at = timezone.now()
    notification.last_error = reason[:2000]
    notification.save(update_fields=["status", "failed_at", "attempts", "last_error"])
    return notification.status


@transaction.atomic
def notification_resend(*, actor: User, notification: Notification) -> None:
    """An officer puts a failed message back in the queue (from the admin)."""
    if not actor.has_perm("notifications.resend_notification"):
        raise PermissionDenied
    Notification.objects.filter(pk=notification.pk, status=NotificationStatus.FAILED).update(
        status=NotificationStatus.QUEUED, attempts=0, failed_at=None
    )
    transaction.on_commit(lambda: sending_enqueue([notification.pk]))


def outbox_sweep(now: datetime.datetime, *, send_inline: bool = False) -> int:
    """Send what is still queued after SWEEP_AFTER (lost tasks, broker outages): queue a task
    per row, or send them here (`send_inline`, the management command). Returns the count."""
    ids = list(
        Notification.objects.filter(
            status=NotificationStatus.QUEUED, created_at__lte=now - SWEEP_AFTER
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_LIMIT]
    )
    if not send_inline:
        sending_enqueue(ids)
        return len(ids)
    for notification_id in ids:
        try:
            notification_send(notification_id=notification_id)
        except TemporaryFailure:
            continue
    return len(ids)


def outbox_health(now: datetime.datetime) -> dict:
    """The mail check of /gezondheid/ (a HealthCheck plugin): the age of the oldest message
    not yet sent; unhealthy when it waits longer than HEALTH_MAIL_STUCK_AFTER minutes (the
    worker or the mail server is down). One query, on the (status, created_at) index."""
    oldest = (
        Notification.objects.filter(status=NotificationStatus.QUEUED)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if oldest is None:
        return {"ok": True, "detail": "nothing waiting", "oldest_unsent_age_seconds": None}
    limit = datetime.timedelta(minutes=settings.HEALTH_MAIL_STUCK_AFTER)
    age = max(now - oldest, datetime.timedelta(0))
    return {
        "ok": age <= limit,
        "detail": "ok" if age <= limit else f"unsent for more than {limit.seconds // 60} minutes",
        "oldest_unsent": oldest.isoformat(),
        "oldest_unsent_age_seconds": int(age.total_seconds()),
    }
