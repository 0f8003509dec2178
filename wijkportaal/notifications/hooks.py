"""The plugin types the notifications app asks the apps for (registered through the core
registry in each app's plugins.py), and the message types it shares with the core.

A reminder source is a function `find_due(now)` that yields `Due` items: who gets which kind
about what, with an occasion key that is the same every time the same occasion is found (so
running the due-work twice, or two beat ticks racing, still gives one message). A digest
section builds, for a whole batch of readers at once, the items each of them gets."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wijkportaal.core.mail import Due, NotificationKind
from wijkportaal.core.registry import Plugin, registry

__all__ = [
    "Due",
    "DigestSection",
    "NotificationKind",
    "ReminderSource",
    "confidential_kinds",
    "kind",
    "optional_kinds",
]

ReminderFinder = Callable[[datetime.datetime], Iterable[Due]]


@dataclass(frozen=True)
class ReminderSource(Plugin):
    find_due: ReminderFinder
    order: int = 50


@dataclass(frozen=True)
class DigestSection(Plugin):
    """`build(users, since_by_user, until)` returns {user_id: [DigestItem, ...]} with a
    constant number of bulk queries for the whole batch of users."""

    build: Callable[[list, dict[int, datetime.datetime], datetime.datetime], dict[int, list]]
    order: int = 50


def kind(key: str) -> NotificationKind:
    found = registry.get(NotificationKind, key)
    if found is None:
        raise KeyError(f"Unknown notification kind {key!r}")
    return found


def optional_kinds() -> list[NotificationKind]:
    return [item for item in registry.all(NotificationKind) if item.optional]


def confidential_kinds() -> set[str]:
    """Kinds whose messages carry a personal link (an invitation, a verification link): the
    outbox keeps them, but they are never shown back to whoever reads the outbox."""
    return {item.key for item in registry.all(NotificationKind) if item.confidential}
