"""Sending the outbox: each message exactly once, queued in batches.

The rows an event wrote are queued after its commit: a single row as the task SEND_TASK, more
as one SEND_BATCH_TASK per SEND_BATCH_SIZE rows (tasks.py), so an event that mails many people
publishes one broker message, not one per mail. A batch sends its rows one after another, each
as SEND_TASK sends its row. Temporary SMTP failures (4xx, a dropped connection) raise
TemporaryFailure: SEND_TASK retries with backoff, and a batch hands that row to a SEND_TASK of
its own; permanent ones (5xx, a bad address) mark the row failed. The sweeper re-queues rows
whose task was lost (the broker was down, a worker died).

Tasks are queued by name, so that this module and the modules below tasks.py never import
the tasks module that imports them (the names are constants here and in due.py)."""

from __future__ import annotations

import datetime
import logging
import smtplib
import socket
import time

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded
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
SEND_BATCH_TASK = "notifications.send_batch"
# Messages per batch task: few broker messages for a large event or sweep, and still enough
# batches for several worker processes to share the sending of a large one.
SEND_BATCH_SIZE = 50
MAX_ATTEMPTS = 5
# Seconds before the first retry of a temporary failure; doubles per attempt (with jitter).
RETRY_BACKOFF = getattr(settings, "NOTIFICATION_RETRY_BACKOFF", 30)
# A queued message older than this without being sent is picked up again by the sweeper
# (its task was lost, e.g. because the broker was down when the event happened).
SWEEP_AFTER = datetime.timedelta(minutes=2)
SWEEP_LIMIT = 1000
# Few quick retries: when the broker is down the event must not wait for it.
BROKER_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}


class TemporaryFailure(Exception):
    """The mail server could not take the message now; try again later."""


def task_enqueue(task_name: str, *args, countdown: float | None = None) -> bool:
    """Queue the task `task_name` with `args` (to run `countdown` seconds from now, if given).
    False when the broker cannot be reached: the work is driven by database rows, so the next
    beat tick (sweeper, due work) picks it up."""
    try:
        current_app.signature(task_name, args=args).apply_async(
            countdown=countdown, retry_policy=BROKER_RETRY
        )
    except Exception:  # noqa: BLE001 - broker down: the rows wait for the next beat tick
        logger.warning("Broker unreachable; %s%r waits for the next beat tick", task_name, args)
        return False
    return True


def sending_enqueue(notification_ids: list[int]) -> None:
    """Queue the sending of these messages (after commit; see outbox.notifications_queue): one
    message as a SEND_TASK, more as one SEND_BATCH_TASK per SEND_BATCH_SIZE messages."""
    notification_ids = list(notification_ids)
    if len(notification_ids) == 1:
        task_enqueue(SEND_TASK, notification_ids[0])
        return
    for start in range(0, len(notification_ids), SEND_BATCH_SIZE):
        if not task_enqueue(SEND_BATCH_TASK, notification_ids[start : start + SEND_BATCH_SIZE]):
            return  # the broker is down: do not wait for it once per batch


def notifications_send(
    notification_ids: list[int], *, deadline: float | None = None
) -> dict[str, int]:
    """Send these queued messages one after another (the batch task), each as
    notification_send sends one: a message in two batches, or in a batch run twice, still goes
    out once. One message does not hold up the others. A temporary failure hands it to a
    SEND_TASK of its own, RETRY_BACKOFF seconds from now, which retries with backoff (the
    attempt is already counted on the row, so MAX_ATTEMPTS still holds). Any other error is
    logged and the row stays queued: the sweeper (outbox_sweep, in the due work beat runs every
    five minutes) queues every row still queued SWEEP_AFTER after it was written, so it is
    tried again on the next run. Past `deadline` (time.monotonic()) no further message is
    started: the batch task stops well before its time limit, and the sweeper queues the rest.
    Returns how many messages ended in which state ("deferred": not started)."""
    outcomes: dict[str, int] = {}
    for notification_id in notification_ids:
        if deadline is not None and time.monotonic() > deadline:
            outcome = "deferred"
        else:
            outcome = _batch_member_send(notification_id)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def _batch_member_send(notification_id: int) -> str:
    try:
        return notification_send(notification_id=notification_id)
    except TemporaryFailure:
        if not task_enqueue(SEND_TASK, notification_id, countdown=RETRY_BACKOFF):
            return "queued"  # the broker is down: the sweeper retries it
        return "retrying"
    except SoftTimeLimitExceeded:
        raise  # the batch ran out of time: the rows not sent yet wait for the sweeper
    except Exception:  # noqa: BLE001 - one message must not stop the batch; the sweeper retries it
        logger.exception("Sending notification %s failed; the sweeper retries it", notification_id)
        return "error"


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
        except SoftTimeLimitExceeded:
            # The task ran out of time while the mail server was answering: not the message's
            # fault. The row stays queued (this attempt is rolled back) for the sweeper.
            raise
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
    """Send what is still queued after SWEEP_AFTER (lost tasks, broker outages, a batch that
    failed on one row): queue their tasks (in batches, see sending_enqueue), or send them here
    (`send_inline`, the management command). Returns the count."""
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
