from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wijkportaal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added, authenticator_removed
        from django.contrib.auth.signals import (
            user_logged_in,
            user_logged_out,
            user_login_failed,
        )

        from wijkportaal.core.registry import registry

        from . import audit, plugins

        registry.register(*plugins.PLUGINS)
        # The audit log listens to what Django and allauth report (accounts/audit.py).
        user_logged_in.connect(audit.on_logged_in, dispatch_uid="accounts.audit.login")
        user_logged_out.connect(audit.on_logged_out, dispatch_uid="accounts.audit.logout")
        user_login_failed.connect(audit.on_login_failed, dispatch_uid="accounts.audit.failed")
        authenticator_added.connect(
            audit.on_authenticator_added, dispatch_uid="accounts.audit.mfa+"
        )
        authenticator_removed.connect(
            audit.on_authenticator_removed, dispatch_uid="accounts.audit.mfa-"
        )
