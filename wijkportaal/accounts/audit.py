"""The audit log of authentication: what Django and allauth report through their signals
(login, logout, failed login, MFA set up or removed) becomes one AuthEvent row with the time
and the client's address (proxy-aware, as the rate limits see it). Connected in apps.py."""

from __future__ import annotations

import datetime
import logging

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.utils import timezone

from wijkportaal.core.history import audit_history_purge

from .models import AuthEvent, AuthEventKind

logger = logging.getLogger(__name__)

# The audit row's note when the break-glass superuser logs in (SECURITY.md).
BREAK_GLASS_DETAIL = "superuser (noodaccount)"


def client_address(request) -> str | None:
    if request is None:
        return None
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return None


def auth_event_record(*, kind: str, request=None, user=None, login: str = "", detail="") -> None:
    """Write one audit row. Never raises into the login flow it observes."""
    AuthEvent.objects.create(
        kind=kind,
        user=user if user is not None and user.pk else None,
        login=(login or getattr(user, "email", "") or "")[:254],
        client_address=client_address(request),
        detail=detail[:100],
    )


@transaction.atomic
def auth_events_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete audit rows older than AUDIT_RETENTION_DAYS; returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    count, _per_model = AuthEvent.objects.filter(at__lt=cutoff).delete()
    return count


@transaction.atomic
def audit_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Everything the audit keeps for AUDIT_RETENTION_DAYS, older rows deleted: the login
    audit log and the change history of users, invitations, memberships and budget lines
    (every `core.history.AuditHistory`). Returns how many went per model (its label)."""
    deleted = {AuthEvent._meta.label: auth_events_purge(now=now)}
    deleted.update(audit_history_purge(now=now))
    return deleted


# --- Signal receivers (connected in apps.py) -----------------------------------------------------


def on_logged_in(sender, request, user, **kwargs):
    detail = ""
    if user.is_superuser:
        # The break-glass account passes every rule: its use must stand out in the audit log
        # and in the application log (an alert can watch for this line).
        detail = BREAK_GLASS_DETAIL
        logger.warning("Break-glass superuser logged in: user id %s", user.pk)
    auth_event_record(kind=AuthEventKind.LOGIN, request=request, user=user, detail=detail)


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        auth_event_record(kind=AuthEventKind.LOGOUT, request=request, user=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django hands over the credentials with the password already masked; keep the login only.
    login = credentials.get("email") or credentials.get("username") or ""
    auth_event_record(kind=AuthEventKind.LOGIN_FAILED, request=request, login=str(login))


def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    auth_event_record(
        kind=AuthEventKind.MFA_ADDED, request=request, user=user, detail=authenticator.type
    )


def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    auth_event_record(
        kind=AuthEventKind.MFA_REMOVED, request=request, user=user, detail=authenticator.type
    )
