"""Signs of life of the background processes, for the health checks.

Beat writes its heartbeat on every tick (`HeartbeatScheduler`, configured as
CELERY_BEAT_SCHEDULER) and sends the `core.heartbeat` task every minute, which a worker runs
and which writes the worker's heartbeat. So a dead beat shows as an old "beat" heartbeat, a
dead (or stuck) worker as an old "worker" heartbeat while beat is fine."""

from __future__ import annotations

import datetime
import logging

from celery.beat import PersistentScheduler
from django.db import DatabaseError
from django.utils import timezone

from .models import Heartbeat

logger = logging.getLogger(__name__)

BEAT = "beat"
WORKER = "worker"
HEARTBEAT_TASK = "core.heartbeat"
# How often beat sends the worker's heartbeat task (seconds).
HEARTBEAT_INTERVAL = 60.0


def heartbeat_record(key: str, now: datetime.datetime | None = None) -> None:
    Heartbeat.objects.update_or_create(key=key, defaults={"at": now or timezone.now()})


def heartbeats() -> dict[str, datetime.datetime]:
    return dict(Heartbeat.objects.values_list("key", "at"))


class HeartbeatScheduler(PersistentScheduler):
    """Celery beat's default scheduler that also notes, at most every 30 seconds, that beat
    is alive. A database hiccup is logged, never allowed to stop beat."""

    heartbeat_every = datetime.timedelta(seconds=30)
    _last_heartbeat: datetime.datetime | None = None

    def tick(self, *args, **kwargs):
        now = timezone.now()
        if self._last_heartbeat is None or now - self._last_heartbeat >= self.heartbeat_every:
            try:
                heartbeat_record(BEAT, now)
                self._last_heartbeat = now
            except DatabaseError:
                logger.exception("Beat could not write its heartbeat")
        return super().tick(*args, **kwargs)
