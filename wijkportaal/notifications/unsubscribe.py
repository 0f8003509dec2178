"""Signed one-click unsubscribe links (no login needed).

The token names a user and a kind of message; it expires after UNSUBSCRIBE_MAX_AGE so that an
old forwarded mail does not stay a switch for ever."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "wijkportaal.notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def unsubscribe_url(user_id: int, kind: str) -> str:
    return settings.SITE_URL + reverse(
        "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id, kind)}
    )


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    """(user id, kind) of a valid token; None when it is tampered with or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict):
        return None
    user_id, kind = data.get("u"), data.get("k")
    if not isinstance(user_id, int) or not isinstance(kind, str):
        return None
    return user_id, kind
