"""Progress digests. Built out in the notifications issue; the due-work calls this."""

from __future__ import annotations

import datetime


def digests_queue(now: datetime.datetime) -> int:
    """Queue the digests that are due at `now`. Returns the number queued."""
    return 0
