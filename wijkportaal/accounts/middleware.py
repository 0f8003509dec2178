from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class RequireMFAForStaffMiddleware:
    """Officers and administrators must set up TOTP before they use the admin.

    allauth has no per-role setting that forces MFA, so this middleware sends such a user to
    the TOTP activation page until an authenticator exists. The demo relaxes it through
    MFA_REQUIRED_FOR_STAFF=false (local settings only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and request.path.startswith(reverse("admin:index"))
            and request.user.is_authenticated
            and request.user.is_staff
            and not self._has_authenticator(request.user)
        ):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)

    @staticmethod
    def _has_authenticator(user) -> bool:
        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
