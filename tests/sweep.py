"""Shared machinery of the sweeps (permissions, hostile input, accessibility).

Nothing here names a feature app: the URLs come from the URLconf, the objects from the same
`extend_world` functions the permission matrix uses (tests/<app>/matrix_world.py), and forms are
found by GETting pages and parsing `<form method="post">`. A new app's pages are swept as soon as
its URLs are included and its matrix world creates the objects they need.

Convention for `values` keys: a key whose words (split on `_`) include `a` names an object of
wijkraad A (`council_a`, `workgroup_a`, `meeting_a_draft`); `b` likewise names wijkraad B."""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter
from django.urls.exceptions import Resolver404

# Distinctive addresses: if any of them shows up on a page that is not the person's own or the
# admin, the page leaks an address its owner never published.
SECRET_DOMAIN = "verborgen-adres.test"

# Never followed or posted to: they end the session, switch the language or are files/feeds.
SKIP_PATH_PARTS = ("/accounts/logout/", "/i18n/", "/static/", "/media/")
SKIP_SUFFIXES = (".csv", ".json", ".ics", ".xml", ".pdf", ".zip", ".txt", "/feed/", "/download/")
# Admin pages that change data or only repeat others.
ADMIN_SKIP = re.compile(r"/(delete|history)/|/admin/logout/|/admin/password_change/")


def kinds_users(council_a, council_b):
    """The kinds of user of the permission matrix, with addresses nobody published."""
    from tests.factories import (
        AdministratorFactory,
        CouncillorFactory,
        MembershipFactory,
        OfficerFactory,
        UserFactory,
    )

    def secret(kind):
        return f"geheim-{kind.replace('_', '-')}@{SECRET_DOMAIN}"

    return {
        "anonymous": None,
        "no_role": UserFactory(email=secret("no_role")),
        "board": MembershipFactory(
            council=council_a, function="voorzitter", person__email=secret("board")
        ).person,
        "member": MembershipFactory(
            council=council_a, function="lid", person__email=secret("member")
        ).person,
        "other_board": MembershipFactory(
            council=council_b, function="voorzitter", person__email=secret("other_board")
        ).person,
        "councillor": CouncillorFactory(email=secret("councillor")),
        "officer": OfficerFactory(email=secret("officer")),
        "administrator": AdministratorFactory(email=secret("administrator")),
    }


def build_world():
    """Wijkraad A and B, one user of every kind and every app's objects (extend_world)."""
    from tests.factories import CouncilFactory
    from tests.matrix_world import extend_world

    council_a = CouncilFactory(slug="wijkraad-a", name="Wijkraad A")
    council_b = CouncilFactory(slug="wijkraad-b", name="Wijkraad B")
    users = kinds_users(council_a, council_b)
    values = {"council_a": council_a.slug, "council_b": council_b.slug}
    extend_world(values, council_a=council_a, council_b=council_b, users=users)
    return values, users


def owner_of(key: str) -> str | None:
    words = key.lower().split("_")
    if "a" in words:
        return "a"
    if "b" in words:
        return "b"
    return None


# --- URL patterns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    route: str  # e.g. "wijkraden/<slug:slug>/bewerken/"
    name: str
    converters: tuple[tuple[str, object], ...] = field(default=())


def url_patterns() -> list[Pattern]:
    """Every route pattern in the URLconf. Regex patterns with groups are left out (admin's
    app_list and catch-all, allauth's key URLs): they take secrets or repeat other pages."""
    found = []

    def walk(patterns, prefix, namespace, converters):
        for entry in patterns:
            text = str(entry.pattern)
            is_regex = entry.pattern.__class__.__name__ == "RegexPattern"
            if is_regex and (entry.pattern.regex.groups or any(c in text for c in "^$")):
                if text.startswith("^") and not entry.pattern.regex.groups:
                    text = text.strip("^$")
                else:
                    continue
            convs = {**converters, **getattr(entry.pattern, "converters", {})}
            if isinstance(entry, URLResolver):
                ns = entry.namespace or namespace
                walk(entry.url_patterns, prefix + text, ns, convs)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
                found.append(Pattern(prefix + text, name, tuple(sorted(convs.items()))))

    walk(get_resolver().url_patterns, "", None, {})
    return found


_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def _candidates(converter, values):
    out = []
    for key, value in values.items():
        if isinstance(converter, IntConverter):
            if isinstance(value, int) and not isinstance(value, bool):
                out.append((key, value))
        elif isinstance(converter, PathConverter):
            # Only admin uses <path:…> here, for primary keys.
            if isinstance(value, int) and not isinstance(value, bool):
                out.append((key, value))
        elif isinstance(value, int | str) and not isinstance(value, bool):
            text = str(value)
            if isinstance(converter, SlugConverter) and not re.fullmatch(r"[-a-zA-Z0-9_]+", text):
                continue
            if "/" in text:
                continue
            out.append((key, value))
    return out


def _named_first(param: str, candidates):
    """A parameter with a telling name (`number`, `year`, `slug` of a workgroup…) takes only the
    world values whose key carries that name, so a recommendation number is never filled with
    the primary key of wijkraad A's role declaration (which would make a public page look like
    one of A's). Generic names (`pk`, `id`, `slug`) keep every candidate."""
    if param in {"pk", "id", "slug", "object_id", "token"}:
        return candidates
    named = [
        (key, value)
        for key, value in candidates
        if param in key.split("_") or key.startswith(param)
    ]
    return named or candidates


def fill(pattern: Pattern, values: dict, limit: int = 40) -> list[tuple[str, tuple[str, ...]]]:
    """Concrete paths for a pattern: every type-compatible combination of world values (at
    most `limit`), each with the keys used so the caller knows whose objects it names."""
    params = [(m.group("name"), m.group(0)) for m in _PARAM.finditer(pattern.route)]
    if not params:
        return [("/" + pattern.route, ())]
    converters = dict(pattern.converters)
    choices = [
        _named_first(name, _candidates(converters.get(name), values)) for name, _token in params
    ]
    paths = []
    for combo in itertools.islice(itertools.product(*choices), limit):
        path = pattern.route
        for (_name, token), (_key, value) in zip(params, combo, strict=True):
            path = path.replace(token, str(value), 1)
        paths.append(("/" + path, tuple(key for key, _value in combo)))
    return paths


def pattern_key(path: str) -> str:
    """Pages of one URL pattern count once: /wijkraden/a/ and /wijkraden/b/ are one page."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return urlsplit(path).path
    return f"{match.view_name}|{match.route}"


def skip_link(path: str) -> bool:
    plain = urlsplit(path).path
    if any(part in plain for part in SKIP_PATH_PARTS) or plain.endswith(SKIP_SUFFIXES):
        return True
    if plain.startswith("/admin/"):
        query = urlsplit(path).query
        # Only the first page of a changelist, no sorting or filtering variants.
        return bool(ADMIN_SKIP.search(plain)) or bool(query)
    return False


# --- HTML ----------------------------------------------------------------------------------------


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> current value(s)
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type / textarea / select
    options: dict[str, list[str]] = field(default_factory=dict)  # select/radio choices


class PageParser(HTMLParser):
    """Links and POST forms of a page, with the stdlib parser only."""

    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.links.append(urljoin(self.base, attr["href"]))
        elif tag == "form" and (attr.get("method") or "get").lower() == "post":
            self._form = Form(action=urljoin(self.base, attr.get("action") or self.base))
        elif self._form is None:
            return
        elif tag == "input" and attr.get("name"):
            kind = (attr.get("type") or "text").lower()
            name = attr["name"]
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            self._form.kinds.setdefault(name, kind)
            if kind in ("checkbox", "radio"):
                self._form.options.setdefault(name, []).append(attr.get("value") or "on")
                if "checked" in attr:
                    self._form.fields.setdefault(name, []).append(attr.get("value") or "on")
                else:
                    self._form.fields.setdefault(name, [])
            else:
                self._form.fields.setdefault(name, []).append(attr.get("value") or "")
        elif tag == "textarea" and attr.get("name"):
            self._textarea = attr["name"]
            self._form.kinds[self._textarea] = "textarea"
            self._form.fields[self._textarea] = [""]
        elif tag == "select" and attr.get("name"):
            self._select = attr["name"]
            self._form.kinds[self._select] = "select"
            self._form.fields[self._select] = []
            self._form.options[self._select] = []
        elif tag == "option" and self._select:
            value = attr.get("value", "")
            self._form.options[self._select].append(value)
            if "selected" in attr:
                self._form.fields[self._select].append(value)

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def parse(html: str, base: str) -> PageParser:
    parser = PageParser(base)
    parser.feed(html)
    return parser


def content_forms(html: str, base: str) -> list[Form]:
    """POST forms of the page itself, not the layout's logout and language forms."""
    return [
        form
        for form in parse(html, base).forms
        if not any(part in urlsplit(form.action).path for part in SKIP_PATH_PARTS)
    ]


def same_origin_links(html: str, base: str) -> list[str]:
    out = []
    for link in parse(html, base).links:
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
            continue
        if link.startswith(("mailto:", "tel:")):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        out.append(path)
    return out


# --- Database snapshot ---------------------------------------------------------------------------

IGNORED_TABLES = {"django_session", "django_admin_log", "account_emailconfirmation"}


def snapshot() -> dict[str, str]:
    """A digest of every row of every table the project owns (sessions left out): two equal
    snapshots mean nothing was written."""
    digests = {}
    existing = set(connection.introspection.table_names())
    for model in apps.get_models():
        table = model._meta.db_table
        if table in IGNORED_TABLES or not model._meta.managed or table not in existing:
            continue
        rows = model._base_manager.order_by("pk").values_list()
        digest = hashlib.sha256()
        count = 0
        for row in rows.iterator():
            digest.update(repr(row).encode())
            count += 1
        digests[table] = f"{count}:{digest.hexdigest()[:16]}"
    return digests


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))


# --- Clients and reachable pages -----------------------------------------------------------------


def clients_for(users) -> dict:
    """One logged-in test client per kind of user (500s come back as responses, not raised)."""
    from django.test import Client

    clients = {}
    for kind, user in users.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[kind] = client
    return clients


@dataclass(frozen=True)
class Target:
    path: str
    keys: tuple[str, ...]  # the world keys the path was filled with
    pattern: Pattern

    @property
    def owner(self) -> str | None:
        owners = {owner_of(key) for key in self.keys} - {None}
        return owners.pop() if len(owners) == 1 else None


def reachable_targets(values, clients, *, include_admin=True) -> list[Target]:
    """Every concrete path of every URL pattern that the administrator or the board of
    wijkraad A can open (anything but 404/405), so brute-force fillings that name nothing drop
    out."""
    targets = []
    for pattern in url_patterns():
        if not include_admin and pattern.route.startswith("admin/"):
            continue
        for path, keys in fill(pattern, values):
            if skip_link(path):
                continue
            for kind in ("administrator", "board"):
                status = clients[kind].get(path).status_code
                if status not in (404, 405):
                    targets.append(Target(path, keys, pattern))
                    break
    return targets
