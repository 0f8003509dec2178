"""Small registries through which apps plug into the core without the core importing them.

An app registers its part (a demo-seed step, a headline figure on the home page, a section on
/mijn/) in its AppConfig.ready(); the core only iterates over what was registered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SeedStep:
    name: str
    order: int
    func: Callable[..., None]


@dataclass(frozen=True)
class HeadlineFigure:
    order: int
    func: Callable[[], list[dict[str, Any]]]


@dataclass(frozen=True)
class PageSection:
    """A block another app adds to a core page. `context(request, obj)` returns the block's
    context, or None to leave it out."""

    order: int
    template: str
    context: Callable[..., dict[str, Any] | None]


# Pages of the core that other apps may add sections to.
SECTION_SLOTS = ("my_page", "council_detail")


@dataclass(frozen=True)
class IndicatorSource:
    """A live computation for an indicator (e.g. "contracts.started_this_year"). `compute()`
    returns the current value as a number; it must run a constant number of queries."""

    key: str
    label: str
    compute: Callable[[], Any]


@dataclass
class Registry:
    seed_steps: list[SeedStep] = field(default_factory=list)
    headline_figures: list[HeadlineFigure] = field(default_factory=list)
    indicator_sources: dict[str, IndicatorSource] = field(default_factory=dict)
    # Functions mapping a list of action ids to {action_id: [{"label", "url", "kind"}]}: the
    # workgroup, programme or contract that carries each action out.
    action_link_providers: list[Callable[[list[int]], dict[int, list[dict]]]] = field(
        default_factory=list
    )
    sections: dict[str, list[PageSection]] = field(
        default_factory=lambda: {slot: [] for slot in SECTION_SLOTS}
    )

    def register_seed_step(self, name: str, order: int, func: Callable[..., None]) -> None:
        if any(step.name == name for step in self.seed_steps):
            return
        self.seed_steps.append(SeedStep(name, order, func))
        self.seed_steps.sort(key=lambda step: step.order)

    def register_headline_figures(self, order: int, func: Callable[[], list[dict]]) -> None:
        if any(fig.func is func for fig in self.headline_figures):
            return
        self.headline_figures.append(HeadlineFigure(order, func))
        self.headline_figures.sort(key=lambda fig: fig.order)

    def register_indicator_source(self, key: str, label: str, compute: Callable[[], Any]) -> None:
        self.indicator_sources[key] = IndicatorSource(key, label, compute)

    def register_action_links(self, func: Callable[[list[int]], dict[int, list[dict]]]) -> None:
        if func not in self.action_link_providers:
            self.action_link_providers.append(func)

    def action_links(self, action_ids: list[int]) -> dict[int, list[dict]]:
        links: dict[int, list[dict]] = {}
        for provider in self.action_link_providers:
            for action_id, items in provider(action_ids).items():
                links.setdefault(action_id, []).extend(items)
        return links

    def register_section(self, slot: str, order: int, template: str, context: Callable) -> None:
        sections = self.sections[slot]
        if any(sec.template == template for sec in sections):
            return
        sections.append(PageSection(order, template, context))
        sections.sort(key=lambda sec: sec.order)

    def render_sections(self, slot: str, request, obj=None) -> list[dict[str, Any]]:
        rendered = []
        for section in self.sections[slot]:
            context = section.context(request, obj)
            if context is not None:
                rendered.append({"template": section.template, "context": context})
        return rendered


registry = Registry()
