import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import STAFF_KINDS

SESSION_STARTED_KEY = "staff_session_started"
SESSION_SEEN_KEY = "staff_session_seen"
STAMP_EVERY_SECONDS = 60


def is_staff_account(user) -> bool:
    """Officers and administrators (and the break-glass superuser): the accounts that can
    change other people's data, so the ones with the strictest session and MFA rules."""
    return user.is_authenticated and (
        user.kind in STAFF_KINDS or user.is_staff or user.is_superuser
    )


class StaffSessionTimeoutMiddleware:
    """A staff session ends after STAFF_SESSION_IDLE_SECONDS without a request and after
    STAFF_SESSION_MAX_SECONDS in all, whatever "remember me" said. Django has no idle
    timeout of its own: the session remembers when it started and when it was last used, and
    its expiry (cookie and server side) is pushed forward by the idle time on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_staff_account(request.user) and self._expired(request):
            logout(request)
            messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
            return redirect_to_login(request.get_full_path())
        response = self.get_response(request)
        # After the view: a login on this very request is stamped too, so "remember me" on
        # the login form never gives a staff session the residents' 14 days.
        if is_staff_account(request.user):
            self._stamp(request)
        return response

    @staticmethod
    def _expired(request) -> bool:
        now = time.time()
        started = request.session.get(SESSION_STARTED_KEY, now)
        seen = request.session.get(SESSION_SEEN_KEY, now)
        return (
            now - seen > settings.STAFF_SESSION_IDLE_SECONDS
            or now - started > settings.STAFF_SESSION_MAX_SECONDS
        )

    @staticmethod
    def _stamp(request) -> None:
        now = time.time()
        # Written at most once a minute: a busy page does not save its session every request.
        if now - request.session.get(SESSION_SEEN_KEY, 0) < STAMP_EVERY_SECONDS:
            return
        started = request.session.setdefault(SESSION_STARTED_KEY, now)
        request.session[SESSION_SEEN_KEY] = now
        remaining = settings.STAFF_SESSION_MAX_SECONDS - (now - started)
        request.session.set_expiry(int(min(settings.STAFF_SESSION_IDLE_SECONDS, remaining)) + 1)


class RequireMFAForStaffMiddleware:
    """Officers and administrators must set up TOTP before they do anything else.

    allauth has no per-role setting that forces MFA, so this middleware sends such a user to
    the TOTP activation page until an authenticator exists — from every page and every POST,
    not only the admin: officers answer requests and move contracts on the portal itself.
    What stays reachable: the MFA set-up (and the password confirmation it asks for first),
    logout, static files and the language switch. The demo relaxes it through
    MFA_REQUIRED_FOR_STAFF=false (local settings only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and is_staff_account(request.user)
            and not self._allowed_without_mfa(request.path)
            and not self._has_authenticator(request.user)
        ):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)

    @staticmethod
    def _allowed_without_mfa(path: str) -> bool:
        allowed = (
            reverse("mfa_index"),  # activation, then the recovery codes, shown once
            reverse("account_reauthenticate"),
            reverse("account_logout"),
            reverse("set_language"),
            settings.STATIC_URL,
        )
        return path.startswith(allowed)

    @staticmethod
    def _has_authenticator(user) -> bool:
        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
