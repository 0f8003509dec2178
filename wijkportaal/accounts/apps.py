from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wijkportaal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from .seed import seed_accounts

        registry.register_seed_step("accounts", 20, seed_accounts)
