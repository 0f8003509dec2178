"""Optional error monitoring with Sentry (or a Sentry-compatible server such as GlitchTip),
switched on by SENTRY_DSN in production settings. Personal data never leaves the portal:
send_default_pii is off, local variables are not sent, and `scrub_event` removes cookies,
headers that identify someone, form and query data, and any e-mail address or Dutch phone
number left in messages, exception values and breadcrumbs; of the user only the id stays."""

from __future__ import annotations

import re
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

FILTERED = "[verwijderd]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(\+31|0031|0)[\s-]?(\d[\s-]?){9}(?!\d)")
KEEP_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type", "referer"}


def _scrub_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return PHONE.sub(FILTERED, EMAIL.sub(FILTERED, value))


def _scrub_request(request: dict) -> None:
    for key in ("cookies", "data", "env"):
        if key in request:
            request[key] = FILTERED
    if request.get("query_string"):
        request["query_string"] = FILTERED
    headers = request.get("headers")
    if isinstance(headers, dict):
        request["headers"] = {
            name: (value if name.lower() in KEEP_HEADERS else FILTERED)
            for name, value in headers.items()
        }
    if "url" in request:
        request["url"] = _scrub_text(request["url"])


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's before_send (and before_send_transaction): strip personal data."""
    if isinstance(event.get("request"), dict):
        _scrub_request(event["request"])
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    event.pop("extra", None)
    if "message" in event:
        event["message"] = _scrub_text(event["message"])
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        logentry["message"] = _scrub_text(logentry.get("message"))
        logentry["params"] = [_scrub_text(param) for param in logentry.get("params") or []]
        if "formatted" in logentry:
            logentry["formatted"] = _scrub_text(logentry["formatted"])
    for exception in (event.get("exception") or {}).get("values") or []:
        exception["value"] = _scrub_text(exception.get("value"))
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    breadcrumbs = event.get("breadcrumbs")
    crumbs = breadcrumbs.get("values") if isinstance(breadcrumbs, dict) else breadcrumbs
    for crumb in crumbs or []:
        crumb["message"] = _scrub_text(crumb.get("message"))
        crumb.pop("data", None)
    return event


def sentry_init(dsn: str, *, environment: str = "production", traces_sample_rate: float = 0.0):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        traces_sample_rate=traces_sample_rate,
    )
