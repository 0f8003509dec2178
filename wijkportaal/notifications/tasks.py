"""The notifications app's Celery tasks: thin, idempotent, named. Each takes ids (or a moment
as ISO 8601), and calls one function of sending.py, digests.py or due.py. Outbox messages go
out one per task (send_notification, which also retries a temporary failure with backoff) or
many per task (send_notification_batch, for events and sweeps with several messages)."""

import time

from celery import shared_task
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .digests import digest_batch_send
from .due import DIGEST_BATCH_TASK, due_work_run
from .sending import (
    MAX_ATTEMPTS,
    RETRY_BACKOFF,
    SEND_BATCH_SIZE,
    SEND_BATCH_TASK,
    SEND_TASK,
    TemporaryFailure,
    notification_send,
    notifications_send,
)

# The time one message may take to send (a slow mail server), the single task's soft limit.
MESSAGE_SECONDS = 90


@shared_task(
    name=SEND_TASK,
    bind=True,
    acks_late=True,
    autoretry_for=(TemporaryFailure,),
    retry_backoff=RETRY_BACKOFF,
    retry_backoff_max=600,
    max_retries=MAX_ATTEMPTS,
    time_limit=MESSAGE_SECONDS + 30,
    soft_time_limit=MESSAGE_SECONDS,
)
def send_notification(self, notification_id: int) -> str:
    """Send one outbox message (idempotent: a sent message is never sent again)."""
    return notification_send(notification_id=notification_id)


# A full batch gets the 90 s of one message above and 9 s for each message in it (a slow mail
# server). It starts no message in its last MESSAGE_SECONDS, so it stops before the limit; the
# sweeper queues the rows it did not reach.
BATCH_SOFT_TIME_LIMIT = MESSAGE_SECONDS + 9 * SEND_BATCH_SIZE


@shared_task(
    name=SEND_BATCH_TASK,
    acks_late=True,
    time_limit=BATCH_SOFT_TIME_LIMIT + 60,
    soft_time_limit=BATCH_SOFT_TIME_LIMIT,
)
def send_notification_batch(notification_ids: list[int]) -> dict[str, int]:
    """Send a batch of outbox messages one after another (idempotent: a sent message is never
    sent again); a message that fails temporarily goes on to a send_notification of its own."""
    deadline = time.monotonic() + BATCH_SOFT_TIME_LIMIT - MESSAGE_SECONDS
    return notifications_send(notification_ids, deadline=deadline)


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
