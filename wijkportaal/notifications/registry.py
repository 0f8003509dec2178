"""Kinds of notification and the reminder sources that apps register in their ready().

A reminder source is a function `find_due(now)` that yields `Due` items: who gets which kind
about what, with an occasion key that is the same every time the same occasion is found
(so running the due-work twice, or two beat ticks racing, still gives one message)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str  # Dutch, shown on the preferences page
    template_base: str  # <base>_subject.txt, <base>.txt, <base>.html
    optional: bool = True  # may the user switch it off?


@dataclass(frozen=True)
class Due:
    recipient_id: int
    kind: str
    occasion: str
    about: Any = None  # the model instance the message is about
    context: dict = field(default_factory=dict)


ReminderFinder = Callable[[datetime.datetime], Iterable[Due]]
# A digest section: section(users, since_by_user, until) -> {user_id: [DigestItem, ...]}, built
# with a constant number of bulk queries for the whole batch of users.
DigestSection = Callable[[list, dict[int, datetime.datetime], datetime.datetime], dict[int, list]]


@dataclass
class NotificationRegistry:
    kinds: dict[str, NotificationKind] = field(default_factory=dict)
    reminder_finders: dict[str, ReminderFinder] = field(default_factory=dict)
    digest_sections: dict[str, DigestSection] = field(default_factory=dict)

    def register_kind(self, kind: NotificationKind) -> None:
        self.kinds[kind.key] = kind

    def register_reminder(self, name: str, finder: ReminderFinder) -> None:
        self.reminder_finders[name] = finder

    def register_digest_section(self, name: str, section: DigestSection) -> None:
        self.digest_sections[name] = section

    def optional_kinds(self) -> list[NotificationKind]:
        return [kind for kind in self.kinds.values() if kind.optional]


notification_registry = NotificationRegistry()
