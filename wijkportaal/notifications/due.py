"""The periodic due work: "send what is due now", every few minutes from beat, driven by rows
in the database rather than by long ETAs in the broker.

One run queues the reminders that registered `ReminderSource` finders report, splits the users
whose digest is due into batches and queues one task per batch (DIGEST_BATCH_TASK), so that
more worker processes send digests faster, and sweeps the outbox for lost sends. Every step is
idempotent: the unique occasion key and each batch's own look at who is still due make a
second run, or two racing runs, send nothing twice."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction

from wijkportaal.core.registry import registry

from .digests import BATCH_SIZE, digest_batches, digests_queue
from .hooks import ReminderSource
from .outbox import notifications_queue
from .sending import SWEEP_AFTER, outbox_sweep, task_enqueue

logger = logging.getLogger(__name__)

DIGEST_BATCH_TASK = "notifications.send_digest_batch"


def reminders_queue(now: datetime.datetime) -> int:
    """Find every registered reminder that is due at `now` and queue it (idempotent)."""
    created = 0
    for source in registry.all(ReminderSource):
        with transaction.atomic():
            created += len(notifications_queue(source.find_due(now)))
        logger.debug("reminder source %s done", source.key)
    return created


def due_work_run(
    now: datetime.datetime, *, send_inline: bool = False, batch_size: int = BATCH_SIZE
) -> dict[str, int]:
    """The periodic work at `now`: reminders, digests and the sweeper. The beat task queues
    a task per digest batch; `send_inline` (the management command) does all of it here:
    builds every batch and sends what this run queued, and anything older."""
    result = {"reminders": reminders_queue(now)}
    if send_inline:
        result["digests"] = digests_queue(now, batch_size=batch_size)
        result["sent"] = outbox_sweep(now + SWEEP_AFTER, send_inline=True)
        return result
    batches = digest_batches(now, batch_size=batch_size)
    for user_ids in batches:
        if not task_enqueue(DIGEST_BATCH_TASK, user_ids, now.isoformat()):
            break  # the broker is down: the next beat tick finds these users still due
    result["digest_batches"] = len(batches)
    result["swept"] = outbox_sweep(now)
    return result
