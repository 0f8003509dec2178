from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(
    name="notifications.send",
    bind=True,
    acks_late=True,
    autoretry_for=(services.TemporaryFailure,),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=services.MAX_ATTEMPTS,
    time_limit=120,
    soft_time_limit=90,
)
def send_notification(self, notification_id: int) -> str:
    """Send one outbox message (idempotent: a sent message is never sent again)."""
    return services.notification_send(notification_id=notification_id)


@shared_task(name="notifications.run_due_work", acks_late=True, time_limit=900, soft_time_limit=840)
def run_due_work() -> dict:
    """Every few minutes (beat): queue due reminders and digests, sweep the outbox."""
    return services.due_work_run(timezone.now())
