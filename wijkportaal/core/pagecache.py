"""The page cache for public pages: anonymous GETs served from memory until the data changes.

Each app declares the data behind its public pages as a *scope* (`PublicData` in the registry:
"toolkit" and the toolkit's models). A scope has a version in the shared cache — a random token
and the time of the change — that every write bumps: the core listens to post_save,
post_delete and m2m_changed of the declared models (so services, the admin and the shell all
count), and a service that writes with `update()` or `bulk_*` calls `bump(scope)` itself. A bump
happens at once and again after commit, so a page rebuilt from data that was not yet committed
is thrown away too.

`@public_page(scopes)` (the page's own scopes; SHARED_SCOPES are always added; or ALL for pages
that show several apps) serves a view's anonymous GET/HEAD from a rendered copy keyed by path,
query, host, language, the scopes' versions, the date and a five-minute time slot (pages say
"today" and "upcoming"). A warm hit costs one `get_many` on the
shared cache and no database query: the copy itself is kept in this process's memory too.
Logged-in users, and visitors with pending messages, always get a fresh render marked
`private, no-cache`. Conditional GET: the ETag is the key's hash, Last-Modified the newest bump
(or the start of the time slot), a match answers 304 without rendering.

Cache-Control for a cacheable anonymous page: `public, max-age=0, s-maxage=60`. A browser always
revalidates (cheap: 304), so it never shows an anonymous copy after logging in; a shared proxy or
CDN may serve it for up to a minute (`PAGECACHE_SHARED_MAX_AGE`), the only staleness there is.
`Vary: Cookie` covers login and language (the language is a cookie; Accept-Language is ignored
by `DutchFirstLocaleMiddleware`). A response that sets a cookie is never public
(`PublicCacheGuardMiddleware`).

CSRF: the header's language switch needs no token for anonymous visitors (it only sets their
language cookie; see accounts.views.language_switch), so most anonymous pages carry no token and
set no cookie. A page with its own form has its token replaced by a placeholder in the stored
copy and the visitor's own token put in on every hit; such a response sets the CSRF cookie and is
therefore private.

Compression: a stored copy of text (HTML, CSV, JSON, feeds) without a token is also kept
gzipped, compressed once when it is stored; a visitor whose browser accepts gzip (every browser)
gets those bytes with `Content-Encoding: gzip` — a 600 KB export travels as about a twentieth of
that. The ETag is weak (`W/"…"`), as both encodings carry the same content, and public pages
say `Vary: Cookie, Accept-Encoding`. Pages with a token are never compressed (BREACH)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from .registry import PublicData, registry

ALL = "*"
# What every public page may show besides its own app's data: the core (wijkraden, districts,
# departments, names), the desk's promises and the spine's actions. Always part of the key.
SHARED_SCOPES = frozenset({"wijkraden", "desk", "recommendations"})
SCOPE_KEY = "pagecache:scope:{}"
PAGE_KEY = "pagecache:page:{}"
PAGE_TIMEOUT = 24 * 60 * 60  # a safety net; versions do the real work
LOCAL_MAX = 256  # pages kept in this process's memory
LOCAL_MAX_BYTES = 2 * 1024 * 1024  # bigger pages (large exports) only in the shared cache

# Stored copies of text at least this long are kept gzipped too (see the module's docstring).
GZIP_MIN_BYTES = 1024
_COMPRESSIBLE = re.compile(r"^(text/|application/([a-z.+-]*\+)?(json|xml|javascript))")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# The visitor's CSRF token in a stored copy; same length as a real token.
CSRF_PLACEHOLDER = b"pagecache-csrf-placeholder".ljust(64, b"0")
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')

_local: OrderedDict[str, dict] = OrderedDict()
_local_lock = threading.Lock()
# Versions may be kept in process memory for PAGECACHE_VERSION_TTL seconds (default 0: always
# ask the shared cache). A bump in this process forgets them at once.
_memo: dict[str, tuple[tuple[str, float], float]] = {}


# --- Versions --------------------------------------------------------------------------------


def scopes_all() -> list[str]:
    return sorted(registry.keys(PublicData))


def _write(scopes: Iterable[str]) -> None:
    stamp = time.time()
    values = {SCOPE_KEY.format(scope): (uuid.uuid4().hex, stamp) for scope in scopes}
    for scope in scopes:
        _memo.pop(scope, None)
    cache.set_many(values, None)


def _scheduled(scope: str) -> bool:
    """Is a commit bump for `scope` still waiting in this transaction? Django drops waiting
    callbacks on a rollback, so the one we remember is looked up again, at its own place
    first (cheap in a transaction with thousands of callbacks, such as a demo seed)."""
    connection = transaction.get_connection()
    pending = connection.__dict__.setdefault("_pagecache_pending", {})
    mark = pending.get(scope)
    if mark is None:
        return False
    index, callback = mark
    hooks = connection.run_on_commit
    if index < len(hooks) and hooks[index][1] is callback:
        return True
    for index, (_ids, func, _robust) in enumerate(hooks):
        if func is callback:
            pending[scope] = (index, callback)
            return True
    del pending[scope]
    return False


def _schedule(scope: str) -> None:
    connection = transaction.get_connection()
    callback = functools.partial(_write, (scope,))
    transaction.on_commit(callback)
    pending = connection.__dict__.setdefault("_pagecache_pending", {})
    pending[scope] = (len(connection.run_on_commit) - 1, callback)


def bump(*scopes: str) -> None:
    """The public data of these scopes changed: bump their versions now (this process, inside
    the transaction, sees its own change) and again after commit (a page another process
    rebuilt from the data before the commit is thrown away). However many rows change, each
    scope gets one commit bump; a rollback drops it with the rest."""
    _write(scopes)
    if not transaction.get_connection().in_atomic_block:
        return
    for scope in scopes:
        if not _scheduled(scope):
            _schedule(scope)


def versions(scopes: Iterable[str]) -> dict[str, tuple[str, float]]:
    """{scope: (token, time of the last bump)} with one round trip to the shared cache."""
    scopes = list(scopes)
    ttl = getattr(settings, "PAGECACHE_VERSION_TTL", 0)
    now = time.monotonic()
    found: dict[str, tuple[str, float]] = {}
    if ttl:
        for scope in scopes:
            memo = _memo.get(scope)
            if memo is not None and memo[1] > now:
                found[scope] = memo[0]
    wanted = [scope for scope in scopes if scope not in found]
    if wanted:
        stored = cache.get_many([SCOPE_KEY.format(scope) for scope in wanted])
        for scope in wanted:
            value = stored.get(SCOPE_KEY.format(scope))
            if value is None:
                # First use (or a flushed cache): start a version; whoever adds first wins.
                value = (uuid.uuid4().hex, time.time())
                cache.add(SCOPE_KEY.format(scope), value, None)
                value = cache.get(SCOPE_KEY.format(scope)) or value
            found[scope] = value
            if ttl:
                _memo[scope] = (value, now + ttl)
    return found


def version(scope: str) -> str:
    return versions([scope])[scope][0]


# --- Keys and process memory -------------------------------------------------------------------


def _time_slot() -> int:
    """Start of the current time slot (PAGECACHE_TIME_SLOT seconds, five minutes by default).
    Pages and fragments say "today", "upcoming", "past": a copy lives at most one slot, so a
    session that starts is soon shown as begun."""
    slot_length = getattr(settings, "PAGECACHE_TIME_SLOT", 300)
    now = time.time()
    return int(now - now % slot_length)


def _digest(parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _keep(store: OrderedDict, key: str, value, limit: int) -> None:
    """Put `value` in a process-memory store, forgetting the least recently kept beyond `limit`."""
    with _local_lock:
        store[key] = value
        store.move_to_end(key)
        while len(store) > limit:
            store.popitem(last=False)


# --- Fragments -------------------------------------------------------------------------------

FRAGMENT_KEY = "pagecache:fragment:{}"
_fragments: OrderedDict[str, object] = OrderedDict()
FRAGMENTS_LOCAL_MAX = 256


def fragment(name: str, scopes: str | Iterable[str], build, *, vary: Iterable = ()):
    """`build()` — a rendered block, or data that is expensive to compute — kept under the
    versions of `scopes` (or ALL), the language, the date, the time slot and `vary` (what the
    block depends on besides the data, e.g. a department), in this process's memory and the
    shared cache. Any write to the scopes' data makes the next call build again, as for pages."""
    names = (
        scopes_all()
        if scopes == ALL
        else sorted(set([scopes] if isinstance(scopes, str) else scopes))
    )
    # The versions first: a write during build() leaves its value under an old key.
    found = versions(names)
    key = _digest(
        (
            name,
            tuple(vary),
            translation.get_language(),
            [(scope, found[scope][0]) for scope in names],
            timezone.localdate().isoformat(),
            _time_slot(),
        )
    )
    value = _fragments.get(key)
    if value is not None:
        return value
    value = cache.get(FRAGMENT_KEY.format(key))
    if value is None:
        value = build()
        cache.set(FRAGMENT_KEY.format(key), value, PAGE_TIMEOUT)
    _keep(_fragments, key, value, FRAGMENTS_LOCAL_MAX)
    return value


# --- Writes bump versions --------------------------------------------------------------------


def _matching(model: type) -> list[PublicData]:
    label, app_label = model._meta.label, model._meta.app_label
    return [
        data
        for data in registry.all(PublicData)
        if (label in data.models or app_label in data.models) and label not in data.exclude
    ]


def scopes_for_model(model: type) -> list[str]:
    return [data.key for data in _matching(model)]


def _on_save(sender, update_fields=None, raw=False, **kwargs) -> None:
    if raw:  # loaddata
        return
    changed = set(update_fields or ())
    scopes = [
        data.key
        for data in _matching(sender)
        if not (changed and changed <= set(data.quiet_fields))
    ]
    if scopes:
        bump(*scopes)


def _on_delete(sender, **kwargs) -> None:
    scopes = scopes_for_model(sender)
    if scopes:
        bump(*scopes)


def _on_m2m(sender, instance, action, model=None, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    scopes = set(scopes_for_model(sender)) | set(scopes_for_model(type(instance)))
    if model is not None:
        scopes |= set(scopes_for_model(model))
    if scopes:
        bump(*sorted(scopes))


def _connect_deletes(**kwargs) -> None:
    # Per model, not for every model: a post_delete receiver turns Django's fast bulk delete
    # into a row-by-row one, which only the declared models should pay for.
    for model in django_apps.get_models():
        if _matching(model):
            post_delete.connect(
                _on_delete, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}"
            )


def _after_migrate(**kwargs) -> None:
    # Every deployment runs migrate before the new code serves (deploy/): templates and code
    # may have changed, so no page or fragment rendered by the old code is served again.
    bump(*scopes_all())


def connect_signals(core_config=None) -> None:
    """Called once from the core's AppConfig.ready(). Deletes are connected when the first
    database connection opens: by then every app has registered its PublicData. After
    `migrate` every scope is bumped (once, for the core app)."""
    post_save.connect(_on_save, dispatch_uid="pagecache-save")
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache-m2m")
    connection_created.connect(_connect_deletes, dispatch_uid="pagecache-deletes")
    if core_config is not None:
        post_migrate.connect(_after_migrate, sender=core_config, dispatch_uid="pagecache-migrate")


# --- The view decorator ----------------------------------------------------------------------


def _anonymous_without_messages(request) -> bool:
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies:
        return True  # no session, so nobody logged in and no messages waiting
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _key_parts(request, scopes: list[str], found: dict[str, tuple[str, float]]):
    slot = _time_slot()
    parts = (
        request.scheme,
        request.get_host(),
        request.path,
        sorted(request.GET.lists()),
        translation.get_language(),
        [(scope, found[scope][0]) for scope in scopes],
        timezone.localdate().isoformat(),
        slot,
    )
    newest = max([stamp for _token, stamp in found.values()] + [slot])
    return _digest(parts), int(newest)


def _entry(response) -> dict | None:
    """What is kept of a rendered response, or None when it must not be kept."""
    if response.status_code != 200 or response.cookies:
        return None
    control = response.headers.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return None
    streaming = isinstance(response, StreamingHttpResponse)
    if streaming:
        if getattr(response, "file_to_stream", None) is not None:
            return None  # files are served as they are
        # A streamed export is kept whole (and served streamed again, in one piece).
        content = b"".join(response.streaming_content)
        # Not response.close(): that sends request_finished, which closes the database
        # connection in the middle of the request. The generator is used up; nothing stays open.
    else:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # a TemplateResponse renders late; the copy needs its bytes
        content = response.content
    content, tokens = _CSRF_INPUT.subn(rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", content)
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in {"content-length", "vary", "cache-control", "etag", "last-modified"}
    ]
    compressed = None
    if (
        not tokens
        and len(content) >= GZIP_MIN_BYTES
        and not response.has_header("Content-Encoding")
        and _COMPRESSIBLE.match(response.get("Content-Type", ""))
    ):
        compressed = gzip.compress(content, compresslevel=6, mtime=0)
    return {
        "content": content,
        "gzip": compressed,
        "headers": headers,
        "csrf": bool(tokens),
        "streaming": streaming,
    }


def _response(entry: dict, request) -> HttpResponse:
    content = entry["content"]
    compressed = entry.get("gzip")
    gzipped = compressed is not None and _ACCEPTS_GZIP.search(
        request.headers.get("Accept-Encoding", "")
    )
    if gzipped:
        content = compressed
    elif entry["csrf"]:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    streamed = entry.get("streaming")
    response = StreamingHttpResponse([content]) if streamed else HttpResponse(content)
    for name, value in entry["headers"]:
        response.headers[name] = value
    if streamed:
        # Kept whole, so its length is known: a download shows its progress.
        response.headers["Content-Length"] = str(len(content))
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    return response


def _remember(key: str, entry: dict) -> None:
    if len(entry["content"]) + len(entry.get("gzip") or b"") > LOCAL_MAX_BYTES:
        return
    _keep(_local, key, entry, LOCAL_MAX)


def _recall(key: str) -> dict | None:
    entry = _local.get(key)
    if entry is not None:
        return entry
    entry = cache.get(PAGE_KEY.format(key))
    if entry is not None:
        _remember(key, entry)
    return entry


def _mark_public(response, etag: str, last_modified: int, csrf: bool) -> None:
    if csrf:
        # The page carries the visitor's own token and sets the CSRF cookie: not for a proxy,
        # and no validators (a 304 would keep an old token).
        patch_cache_control(response, private=True, no_cache=True)
    else:
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(last_modified)
        patch_cache_control(
            response,
            public=True,
            max_age=getattr(settings, "PAGECACHE_MAX_AGE", 0),
            s_maxage=getattr(settings, "PAGECACHE_SHARED_MAX_AGE", 60),
        )
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))


def _mark_private(response) -> None:
    if "public" in response.headers.get("Cache-Control", ""):
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))


def public_page(scopes: str | Iterable[str]):
    """Serve the view's anonymous GET/HEAD from the page cache. `scopes` names the PublicData
    whose changes the page shows (ALL for pages that show several apps)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if not _anonymous_without_messages(request):
                response = view(request, *args, **kwargs)
                _mark_private(response)
                return response
            names = scopes_all() if scopes == ALL else sorted(SHARED_SCOPES.union(scopes))
            found = versions(names)
            key, last_modified = _key_parts(request, names, found)
            etag = f'W/"{key}"'  # weak: the gzipped and the plain copy share it
            entry = _recall(key)
            if entry is None or not entry["csrf"]:
                # A page with a token is never answered with 304: the token must be fresh.
                not_modified = get_conditional_response(
                    request, etag=etag, last_modified=last_modified
                )
                if not_modified is not None:
                    _mark_public(not_modified, etag, last_modified, csrf=False)
                    return not_modified
            if entry is None:
                response = view(request, *args, **kwargs)
                entry = _entry(response)
                if entry is None:
                    if response.status_code == 200:
                        _mark_private(response)
                    else:
                        patch_vary_headers(response, ("Cookie",))
                    return response
                cache.set(PAGE_KEY.format(key), entry, PAGE_TIMEOUT)
                _remember(key, entry)
            response = _response(entry, request)
            _mark_public(response, etag, last_modified, csrf=entry["csrf"])
            return response

        wrapper.public_page_scopes = scopes  # type: ignore[attr-defined]
        return wrapper

    return decorate


class PublicCacheGuardMiddleware:
    """Last word on Cache-Control: a response that sets a cookie (session, CSRF, language,
    messages) is never public, whatever the view said. Sits above the session and CSRF
    middleware in MIDDLEWARE, so it sees their cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies and "public" in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] = "private, no-cache"
            patch_vary_headers(response, ("Cookie",))
        return response


def clear_local() -> None:
    """Forget the pages kept in this process (tests)."""
    with _local_lock:
        _local.clear()
        _fragments.clear()
    _memo.clear()


__all__ = [
    "ALL",
    "PublicCacheGuardMiddleware",
    "bump",
    "clear_local",
    "connect_signals",
    "fragment",
    "public_page",
    "version",
    "versions",
]
