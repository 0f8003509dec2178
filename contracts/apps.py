from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Wijkcontracten en uitdaagrecht")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import reminders
        from .integrations import action_links, council_contracts_section
        from .seed import seed_contracts
        from .selectors import contracts_started_this_year

        registry.register_indicator_source(
            "contracts.started_this_year",
            _("Nieuwe wijkcontracten gestart dit jaar"),
            contracts_started_this_year,
        )
        registry.register_action_links(action_links)
        registry.register_section(
            "council_detail", 70, "contracts/_council_contracts.html", council_contracts_section
        )
        registry.register_seed_step("contracts", 70, seed_contracts)
        reminders.register()

        # A wijkraad declares its role for one of its contracts or challenge proposals.
        from wijkportaal.wijkraden.role_scopes import ScopeKind, role_scope_registry

        from .models import ChallengeProposal, Contract, ContractStatus

        role_scope_registry.register(
            ScopeKind(
                "wijkcontract",
                _("Wijkcontract"),
                Contract,
                lambda council: Contract.objects.filter(council=council).exclude(
                    status__in=[
                        ContractStatus.REJECTED,
                        ContractStatus.WITHDRAWN,
                        ContractStatus.CLOSED,
                    ]
                ),
            )
        )
        role_scope_registry.register(
            ScopeKind(
                "uitdaagrecht",
                _("Uitdaagrechtvoorstel"),
                ChallengeProposal,
                lambda council: ChallengeProposal.objects.filter(council=council),
            )
        )
