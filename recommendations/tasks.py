"""The recommendations app's Celery tasks: thin and named; each calls one service."""

from celery import shared_task

from .models import SnapshotKind
from .services import indicator_snapshots_take


@shared_task(name="recommendations.take_indicator_snapshots", acks_late=True, time_limit=600)
def take_indicator_snapshots() -> int:
    """The monthly snapshot of every indicator (a repeat in the same month stores nothing)."""
    return indicator_snapshots_take(kind=SnapshotKind.MONTHLY)
