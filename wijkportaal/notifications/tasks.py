from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import services

# Seconds before the first retry of a temporary failure; doubles per attempt (with jitter).
RETRY_BACKOFF = getattr(settings, "NOTIFICATION_RETRY_BACKOFF", 30)


@shared_task(
    name="notifications.send",
    bind=True,
    acks_late=True,
    autoretry_for=(services.TemporaryFailure,),
    retry_backoff=RETRY_BACKOFF,
    retry_backoff_max=600,
    max_retries=services.MAX_ATTEMPTS,
    time_limit=120,
    soft_time_limit=90,
)
def send_notification(self, notification_id: int) -> str:
    """Send one outbox message (idempotent: a sent message is never sent again)."""
    return services.notification_send(notification_id=notification_id)


@shared_task(name="notifications.run_due_work", acks_late=True, time_limit=900, soft_time_limit=840)
def run_due_work(now: str | None = None) -> dict:
    """Every few minutes (beat): queue due reminders and digests, sweep the outbox. `now`
    (ISO 8601) lets operators and tests run the work for another moment."""
    moment = parse_datetime(now) if now else None
    return services.due_work_run(moment or timezone.now())
