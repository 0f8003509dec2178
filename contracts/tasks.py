"""Celery tasks of the contracts app: thin, named, idempotent."""

from celery import shared_task

from contracts.uitdaagrecht import services as challenge_services


@shared_task(
    name="contracts.purge_unverified_proposals",
    acks_late=True,
    time_limit=300,
    soft_time_limit=240,
)
def purge_unverified_proposals() -> int:
    """Delete unconfirmed right-to-challenge proposals older than seven days."""
    return challenge_services.proposals_purge_unverified()
