"""Celery tasks of the accounts app: thin, named, idempotent."""

from celery import shared_task

from . import audit


@shared_task(name="accounts.purge_auth_events", acks_late=True, time_limit=300, soft_time_limit=240)
def purge_auth_events() -> int:
    """Delete audit rows (the login audit log and the change history of users, invitations,
    memberships and budget lines) older than AUDIT_RETENTION_DAYS; returns how many went."""
    return sum(audit.audit_purge().values())
