"""The one registry through which apps plug into the portal.

A lower part of the portal (the core, notifications, the desk) never imports the apps above
it. Where it needs something from them — a navigation item, a section on a page, a demo step,
a live indicator, a kind of notification, a role scope — the app hands it over here, as a
*plugin*: a small frozen dataclass. Each app lists its plugins in its own `plugins.py` and
registers them in its `AppConfig.ready()`:

    # recommendations/apps.py
    def ready(self):
        from wijkportaal.core.registry import registry
        from . import plugins
        registry.register(*plugins.PLUGINS)

The lower part asks for what it needs by type: `registry.all(NavItem)`. The types that every
layer needs are defined here; a layer may define its own (notifications defines its kinds of
message, the desk its kinds of case) by subclassing `Plugin`. Nothing else is kept here."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.utils import timezone


@dataclass(frozen=True)
class Plugin:
    """Something an app adds. `key` is unique per type; `order` sorts the items of a type."""

    key: str


P = TypeVar("P", bound=Plugin)


# --- Plugins the core asks for ---------------------------------------------------------------


@dataclass(frozen=True)
class NavItem(Plugin):
    """An entry of the main navigation in the page header."""

    url_name: str
    label: Any  # a lazy Dutch string
    order: int = 50


@dataclass(frozen=True)
class PageSection(Plugin):
    """A block an app adds to a page of another part. `context(request, obj)` returns the
    block's template context, or None to leave the block out. Slots: see SECTION_SLOTS.

    A block that many viewers see alike may be kept rendered (`core.pagecache.fragment`):
    `scopes` names the PublicData it shows (or pagecache.ALL), and `audience(request, obj)`
    returns what else it depends on — e.g. (department id,) — or None when this viewer does
    not see the block at all. Its template then must not use the request or the user."""

    slot: str
    template: str
    context: Callable[..., dict[str, Any] | None]
    order: int = 50
    scopes: tuple[str, ...] | str = ()
    audience: Callable[..., tuple | None] | None = None


# The pages that take sections, and what `obj` is on each.
SECTION_SLOTS = {
    "home": "None — the front page, below the introduction",
    "my_page": "the logged-in user — /mijn/",
    "privacy": "the user (maybe anonymous) — /privacy/, under „Uw rechten”",
    "council_detail": "the wijkraad — /wijkraden/<slug>/",
    "admin_index": "the logged-in officer or administrator — the front page of /admin/",
    "scope_role": "an object a wijkraad can declare its role for (see RoleScope) — its page",
}


@dataclass(frozen=True)
class HeadlineFigures(Plugin):
    """Figures for the front page's "In cijfers": `figures()` returns a list of
    {"value", "label", "url_name"} dicts with a constant number of queries."""

    figures: Callable[[], list[dict[str, Any]]]
    order: int = 50


@dataclass(frozen=True)
class DemoStep(Plugin):
    """A part of `seed_demo`: `run(scale=N)` writes the app's demo data idempotently.
    `withdraws_mail(due)`: whether this step will withdraw a message the steps before it
    queue (the desk's step deletes the mails of the cases it dates back into the past);
    `seed_demo` then leaves such messages out from the start (`core.mail.mail_withheld`)."""

    run: Callable[..., None]
    order: int = 50
    withdraws_mail: Callable[..., bool] | None = None


@dataclass(frozen=True)
class Period:
    """The period an indicator counts over: from `start` up to and including `end` (a
    programme year, or up to a target date), measured at `now` (an aware datetime; the
    request's or the snapshot's moment). What has not happened by `now` does not count."""

    start: datetime.date
    end: datetime.date
    now: datetime.datetime

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    @property
    def until(self) -> datetime.date:
        """The last day that counts so far: the end of the period or today, whichever first."""
        return min(self.end, self.today)


@dataclass(frozen=True)
class IndicatorSource(Plugin):
    """A live computation for an indicator of the progress monitor: `compute(period)` returns
    the value over a `Period` as a number (or None when there is nothing to measure yet) with
    a constant number of queries. `definition` is the one sentence shown beside the figure:
    what exactly is counted. `key` is what an Indicator row names in its `source`."""

    label: Any
    compute: Callable[[Period], Any]
    definition: Any = ""
    unit: str = ""
    order: int = 50


@dataclass(frozen=True)
class RoleScope(Plugin):
    """Something a wijkraad can declare its role for (an action, a wijkcontract, ...).
    `key` is used in the register's filter; `choices(council)` returns the objects of `model`
    that wijkraad may link a declaration to."""

    label: Any
    model: type
    choices: Callable[[Any], Any]
    order: int = 50


@dataclass(frozen=True)
class ActionLinks(Plugin):
    """Where an action of the progress monitor is carried out: `links(action_ids)` returns
    {action_id: [{"label", "url", "kind"}]} with a constant number of queries."""

    links: Callable[[list[int]], dict[int, list[dict]]]
    order: int = 50


@dataclass(frozen=True)
class MailSink(Plugin):
    """Where `wijkportaal.core.mail.mail_queue` puts a message: the outbox, which the
    notifications app registers. `queue(mails)` writes one row per new occasion and returns
    the ids of the rows it wrote."""

    queue: Callable[[Iterable[Any]], list[int]]


@dataclass(frozen=True)
class HealthCheck(Plugin):
    """A check of /gezondheid/ and `manage.py check_health` that a part above the core owns
    (the outbox: is mail stuck?). `check(now)` returns {"ok": bool, "detail": str, ...} with
    a constant number of queries; any other keys are reported as they are."""

    check: Callable[[Any], dict[str, Any]]
    order: int = 50


@dataclass(frozen=True)
class Distribution:
    """One download of an open dataset: the URL name of the view and its media type."""

    url_name: str
    media_type: str  # e.g. "text/csv", "application/json", "application/atom+xml"
    title: Any = ""


@dataclass(frozen=True)
class OpenDataset(Plugin):
    """A dataset the portal publishes as open data (CC0 1.0). The core lists it in the DCAT-AP-NL
    catalogue (/voortgang/open-data/catalogus.jsonld) and sends the licence with each of its
    downloads. `frequency` is a code of the EU frequency vocabulary (CONT: changes
    continuously, DAILY, WEEKLY, ...); `landing_url_name` names the page that documents it."""

    title: Any
    description: Any
    distributions: tuple[Distribution, ...]
    landing_url_name: str
    frequency: str = "CONT"
    keywords: tuple[str, ...] = ()
    order: int = 50


@dataclass(frozen=True)
class PersonalDataSource(Plugin):
    """What an app keeps about a person, for their own download at /mijn/gegevens/ (the
    AVG's right of access). `collect(user)` returns JSON-serialisable data."""

    collect: Callable[[Any], Any]
    order: int = 50


@dataclass(frozen=True)
class SearchSource(Plugin):
    """Content an app makes findable at /zoeken/. `search(query, user)` returns
    `core.search.SearchHit`s — best first, at most `core.search.RESULTS_PER_SOURCE`, only what
    `user` may see by the app's own rules — with a constant number of queries.
    `core.search.matching(queryset, query, fields)` does the matching: Dutch full-text search on
    PostgreSQL, a case-insensitive match of every word elsewhere. `label` names the group of
    results (a lazy Dutch plural)."""

    label: Any
    search: Callable[[str, Any], list[Any]]
    order: int = 50


@dataclass(frozen=True)
class PublicData(Plugin):
    """The data behind an app's public pages, for the page cache (`core.pagecache`). `key` is
    the scope a page names in `@public_page(scopes=[...])`; a save, delete or m2m change of any
    model in `models` ("app_label" for all of an app's models, or "app_label.Model") bumps the
    scope's version, except the models in `exclude` (per-user data such as follows) and saves
    that touch only `quiet_fields` (e.g. a login's "last_login")."""

    models: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    quiet_fields: tuple[str, ...] = ()


# --- The registry ----------------------------------------------------------------------------


class Registry:
    def __init__(self) -> None:
        self._items: dict[type, dict[str, Plugin]] = {}

    def register(self, *items: Plugin, replace: bool = False) -> None:
        """Add plugins. Registering the same item again is harmless (ready() may run twice);
        a different item under a key already taken is an error, unless `replace` (tests)."""
        for item in items:
            if not isinstance(item, Plugin):
                raise TypeError(f"{item!r} is not a Plugin")
            taken = self._items.setdefault(type(item), {})
            if not replace and taken.get(item.key, item) != item:
                raise ValueError(f"Two {type(item).__name__} plugins use the key {item.key!r}")
            taken[item.key] = item

    def unregister(self, kind: type[Plugin], key: str) -> Plugin | None:
        """Remove one item (tests that register a temporary plugin clean up with this)."""
        return self._items.get(kind, {}).pop(key, None)

    def all(self, kind: type[P]) -> list[P]:
        items = self._items.get(kind, {}).values()
        return sorted(items, key=lambda item: (getattr(item, "order", 50), item.key))

    def get(self, kind: type[P], key: str) -> P | None:
        return self._items.get(kind, {}).get(key)  # type: ignore[return-value]

    def keys(self, kind: type[Plugin]) -> set[str]:
        return set(self._items.get(kind, {}))

    # Helpers for the kinds the core itself uses.

    def sections(self, slot: str) -> list[PageSection]:
        if slot not in SECTION_SLOTS:
            raise KeyError(slot)
        return [section for section in self.all(PageSection) if section.slot == slot]

    def render_sections(self, slot: str, request, obj=None) -> list[dict[str, Any]]:
        rendered = []
        for section in self.sections(slot):
            context = section.context(request, obj)
            if context is not None:
                rendered.append({"template": section.template, "context": context})
        return rendered

    def action_links(self, action_ids: list[int]) -> dict[int, list[dict]]:
        links: dict[int, list[dict]] = {}
        for provider in self.all(ActionLinks):
            for action_id, items in provider.links(action_ids).items():
                links.setdefault(action_id, []).extend(items)
        return links


registry = Registry()
