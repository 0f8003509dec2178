"""What a user wants to receive: their digest frequency, the reminder kinds they switched off,
and the signed one-click unsubscribe links that change these without a login.

Preferences belong to users; a message to an address without an account has none (its kinds
are never optional) and carries no unsubscribe link."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext

from wijkportaal.accounts.models import STAFF_KINDS, User
from wijkportaal.core.registry import registry

from .hooks import NotificationKind, optional_kinds
from .models import DigestFrequency, NotificationPreference

# The digest is switched off through its frequency (nooit), not as a reminder kind.
DIGEST_KIND = "digest"

SALT = "wijkportaal.notifications.unsubscribe"
# An old forwarded mail must not stay a switch for ever.
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)


# --- Digest frequency --------------------------------------------------------------------------


def frequency_expression():
    """A user's digest frequency as an SQL expression on User: their own choice, else the
    default for their kind — daily for officers and administrators, weekly for everyone else.
    The one place this rule lives."""
    default = Case(
        When(Q(kind__in=STAFF_KINDS) | Q(is_superuser=True), then=Value(DigestFrequency.DAILY)),
        default=Value(DigestFrequency.WEEKLY),
        output_field=CharField(),
    )
    return Coalesce(NullIf(F("notification_preference__digest_frequency"), Value("")), default)


def digest_frequency_of(user: User) -> str:
    """The frequency a user's digest goes out at (one query)."""
    return (
        User.objects.filter(pk=user.pk)
        .annotate(frequency=frequency_expression())
        .values_list("frequency", flat=True)
        .get()
    )


def disabled_kinds_for(user_ids: Iterable[int]) -> dict[int, set[str]]:
    rows = NotificationPreference.objects.filter(user_id__in=list(user_ids)).values_list(
        "user_id", "disabled_kinds"
    )
    return {user_id: set(kinds or []) for user_id, kinds in rows}


@transaction.atomic
def notification_preference_update(
    *, actor: User, user: User, frequency: str, enabled_kinds: Iterable[str]
) -> NotificationPreference:
    """Set a user's digest frequency and which optional reminder kinds they receive (the
    others are switched off). Users change only their own preferences."""
    if actor.pk != user.pk:
        raise PermissionDenied
    enabled_kinds = set(enabled_kinds)
    optional = {kind.key for kind in optional_kinds()}
    errors = {}
    if frequency not in DigestFrequency.values:
        errors["digest_frequency"] = gettext("Kies dagelijks, wekelijks, maandelijks of nooit.")
    if enabled_kinds - optional:
        errors["reminder_kinds"] = gettext("Kies alleen herinneringen uit de lijst.")
    if errors:
        raise ValidationError(errors)
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(
        user=user, defaults={"digest_frequency": frequency}
    )
    preference.digest_frequency = frequency
    # Keep switched-off kinds that are no longer registered as they were.
    preference.disabled_kinds = sorted(
        (set(preference.disabled_kinds or []) - optional) | (optional - enabled_kinds)
    )
    preference.save(update_fields=["digest_frequency", "disabled_kinds"])
    return preference


# --- One-click unsubscribe ---------------------------------------------------------------------


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def unsubscribe_url(user_id: int, kind: str) -> str:
    return settings.SITE_URL + reverse(
        "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id, kind)}
    )


def unsubscribe_headers(user_id: int, kind: str) -> dict[str, str]:
    """The List-Unsubscribe headers (RFC 8058 one-click) of a message to a user."""
    url = unsubscribe_url(user_id, kind)
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


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


def kind_label(kind: str) -> str:
    """How the unsubscribe pages name a kind of message."""
    if kind == DIGEST_KIND:
        return gettext("het voortgangsoverzicht")
    registered = registry.get(NotificationKind, kind)
    return str(registered.label) if registered else kind


@transaction.atomic
def notification_unsubscribe(*, user_id: int, kind: str) -> bool:
    """One-click unsubscribe from a signed link: switch that kind off ("digest": frequency
    nooit). Returns False when there is nothing the user may switch off."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    registered = registry.get(NotificationKind, kind)
    if user is None or registered is None:
        return False
    if kind != DIGEST_KIND and not registered.optional:
        return False
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(
        user=user
    )
    if kind == DIGEST_KIND:
        preference.digest_frequency = DigestFrequency.NEVER
    else:
        preference.disabled_kinds = sorted(set(preference.disabled_kinds or []) | {kind})
    preference.save(update_fields=["digest_frequency", "disabled_kinds"])
    return True
