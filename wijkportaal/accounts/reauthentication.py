"""Sensitive changes ask who is there again.

Changing users, memberships, invitations, budget lines or the official answer in the admin
asks for the password (or a TOTP code) again when the last authentication of this session —
the login or an earlier confirmation — is older than SENSITIVE_REAUTHENTICATION_SECONDS.
allauth's own reauthentication flow asks and then resumes the request, a POST included."""

import time

from allauth.account.authentication import get_authentication_records
from allauth.core.exceptions import ReauthenticationRequired
from django.conf import settings


def authenticated_recently(request) -> bool:
    records = get_authentication_records(request, request.user)
    if not records:
        return False
    last = max(record.get("at", 0) for record in records)
    return time.time() - last < settings.SENSITIVE_REAUTHENTICATION_SECONDS


def require_recent_authentication(request) -> None:
    """Raise allauth's ReauthenticationRequired (its middleware sends the user to confirm
    and back) unless the user authenticated recently."""
    if not authenticated_recently(request):
        raise ReauthenticationRequired()


class SensitiveAdminMixin:
    """For a ModelAdmin whose changes matter: the add, change and delete pages and the
    list's actions ask for a recent authentication (reading the list does not)."""

    def changeform_view(self, request, *args, **kwargs):
        require_recent_authentication(request)
        return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        require_recent_authentication(request)
        return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        if request.method == "POST":
            require_recent_authentication(request)
        return super().changelist_view(request, *args, **kwargs)
