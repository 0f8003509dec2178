"""The notifications app's Celery tasks: thin, idempotent, named. Each takes ids (or a moment
as ISO 8601), and calls one function of sending.py, digests.py or due.py."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .digests import digest_batch_send
from .due import DIGEST_BATCH_TASK, due_work_run
from .sending import MAX_ATTEMPTS, SEND_TASK, TemporaryFailure, notification_send

# Seconds before the first retry of a temporary failure; doubles per attempt (with jitter).
RETRY_BACKOFF = getattr(settings, "NOTIFICATION_RETRY_BACKOFF", 30)


@shared_task(
    name=SEND_TASK,
    bind=True,
    acks_late=True,
    autoretry_for=(TemporaryFailure,),
    retry_backoff=RETRY_BACKOFF,
    retry_backoff_max=600,
    max_retries=MAX_ATTEMPTS,
    time_limit=120,
    soft_time_limit=90,
)
def send_notification(self, notification_id: int) -> str:
    """Send one outbox message (idempotent: a sent message is never sent again)."""
    return notification_send(notification_id=notification_id)


@shared_task(name=DIGEST_BATCH_TASK, acks_late=True, time_limit=600, soft_time_limit=540)
def send_digest_batch(user_ids: list[int], now: str) -> int:
    """Build and queue the digests of one batch of users that are due at `now` (ISO 8601);
    users whose digest was built meanwhile are skipped, so a repeated batch sends nothing."""
    return digest_batch_send(user_ids=user_ids, now=parse_datetime(now))


@shared_task(name="notifications.run_due_work", acks_late=True, time_limit=900, soft_time_limit=840)
def run_due_work(now: str | None = None) -> dict:
    """Every few minutes (beat): queue due reminders and digest batches, sweep the outbox.
    `now` (ISO 8601) lets operators and tests run the work for another moment."""
    moment = parse_datetime(now) if now else None
    return due_work_run(moment or timezone.now())
