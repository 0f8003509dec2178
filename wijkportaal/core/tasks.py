"""The core's Celery task: the worker's heartbeat (sent by beat every minute)."""

from celery import shared_task

from .heartbeat import HEARTBEAT_TASK, WORKER, heartbeat_record


@shared_task(name=HEARTBEAT_TASK, ignore_result=True, time_limit=30, expires=120)
def heartbeat() -> None:
    heartbeat_record(WORKER)
