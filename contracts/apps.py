from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Wijkcontracten en uitdaagrecht")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from .selectors import contracts_started_this_year

        registry.register_indicator_source(
            "contracts.started_this_year",
            _("Nieuwe wijkcontracten gestart dit jaar"),
            contracts_started_this_year,
        )
