"""What a role declaration can be linked to besides a free-text subject. Domain apps (the
progress monitor's actions, wijkcontracten, right-to-challenge proposals) register a scope kind
in their ready(); this core app never imports them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScopeKind:
    key: str  # e.g. "actie"; used in the register filter
    label: str  # Dutch, shown in the form and the filter
    model: type
    # Objects a wijkraad may link its declaration to: choices(council) -> queryset
    choices: Callable


@dataclass
class RoleScopeRegistry:
    kinds: dict[str, ScopeKind] = field(default_factory=dict)

    def register(self, kind: ScopeKind) -> None:
        self.kinds[kind.key] = kind

    def for_model(self, model) -> ScopeKind | None:
        for kind in self.kinds.values():
            if kind.model._meta.label_lower == model._meta.label_lower:
                return kind
        return None


role_scope_registry = RoleScopeRegistry()
