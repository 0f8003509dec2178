"""The one mail path, as the core sees it.

Every message the portal sends is a row in the outbox of the notifications app, written in the
transaction of the event that causes it and sent by a Celery task after commit. The core and
the apps describe a message as a `Due` (who, which kind, which occasion, about what) and hand
it to `mail_queue`; the outbox behind it is registered as a `MailSink` plugin, so the core
never imports the notifications app. A recipient is a user (`recipient_id`) or, for people
without an account (an invitee, a resident group, a department's mailbox), an `address`.

Rendering lives here too, so the outbox and any preview render a message the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation

from .registry import MailSink, Plugin, registry


@dataclass(frozen=True)
class NotificationKind(Plugin):
    """A kind of message: its Dutch label on the preferences page, its templates
    (`<template_base>_subject.txt`, `.txt`, `.html`) and whether a user may switch it off.
    Kinds sent to addresses (people without an account) are never optional. A `confidential`
    message carries a personal link that works without logging in (an invitation, a
    verification link): the outbox keeps it, but nobody reads it back in the admin."""

    label: Any
    template_base: str
    optional: bool = True
    order: int = 50
    confidential: bool = False


@dataclass(frozen=True)
class Due:
    """One message to queue. `occasion` is the same every time the same occasion is found, so
    the outbox's unique (recipient, kind, occasion) key turns repeats into nothing."""

    recipient_id: int | None
    kind: str
    occasion: str
    about: Any = None  # the model instance the message is about
    context: dict = field(default_factory=dict)
    address: str = ""  # for a recipient without an account (recipient_id None)
    # The language of a message to an address (a user's own language always wins): e.g. the
    # language of the page where someone asked for a password reset. Empty: the default.
    language: str = ""

    def __post_init__(self) -> None:
        if (self.recipient_id is None) == (not self.address):
            raise ValueError("A message goes to a user or to an address, not both or neither.")


# Messages a bulk job knows it will withdraw at once (see `mail_withheld`): the predicate, and
# the messages it held back so far.
_withheld: ContextVar[tuple[Callable[[Due], bool], list[Due]] | None] = ContextVar(
    "mail_withheld", default=None
)


def _sink() -> MailSink:
    sink = registry.get(MailSink, "outbox")
    if sink is None:
        raise ImproperlyConfigured("No outbox registered: is wijkportaal.notifications installed?")
    return sink


@contextmanager
def mail_withheld(predicate: Callable[[Due], bool]):
    """Within this block `mail_queue` holds back the messages for which `predicate(due)` is
    true: they are not rendered, written or sent. For a bulk job that would withdraw them right
    after writing them — `seed_demo`, whose desk step dates the demo's cases back into the past
    and deletes the mails they queued (see DemoStep.withdraws_mail). The predicate may name
    more than is withdrawn in the end: the step gives back what it keeps with
    `mail_withheld_release`."""
    token = _withheld.set((predicate, []))
    try:
        yield
    finally:
        _withheld.reset(token)


def _partition(dues: list[Due], predicate: Callable[[Due], bool]) -> tuple[list[Due], list[Due]]:
    """(the dues for which `predicate` is true, the others), each asked once."""
    chosen: list[Due] = []
    others: list[Due] = []
    for due in dues:
        (chosen if predicate(due) else others).append(due)
    return chosen, others


def mail_withheld_release(select: Callable[[Due], bool]) -> list[int]:
    """Queue the held-back messages for which `select(due)` is true after all (in the block of
    `mail_withheld`; outside it there are none). Returns the ids of the rows written."""
    state = _withheld.get()
    if state is None:
        return []
    _predicate, held = state
    released, held[:] = _partition(held, select)
    return _sink().queue(released) if released else []


def mail_queue(dues: Iterable[Due]) -> list[int]:
    """Write outbox rows for these messages (inside the caller's transaction) and send them
    after commit. Returns the ids of the rows written; an occasion queued before gives none."""
    sink = _sink()
    dues = list(dues)
    state = _withheld.get()
    if state is not None:
        predicate, held = state
        withheld, dues = _partition(dues, predicate)
        held.extend(withheld)
    return sink.queue(dues) if dues else []


def render_mail(
    template_base: str, context: dict, *, language: str | None = None
) -> tuple[str, str, str]:
    """Render `<template_base>_subject.txt`, `.txt` and `.html` in `language` (the portal's
    default language, Dutch, when not given)."""
    context = {
        "site_url": settings.SITE_URL,
        "municipality_name": settings.MUNICIPALITY_NAME,
        **context,
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        context["LANGUAGE_CODE"] = translation.get_language()
        subject = render_to_string(f"{template_base}_subject.txt", context).strip()
        text = render_to_string(f"{template_base}.txt", context)
        html = render_to_string(f"{template_base}.html", context)
    return settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split()), text, html


def site_domain() -> str:
    """The host name of SITE_URL (e.g. wijkportaal.gemeente.nl)."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id(idstring: str | None = None) -> str:
    """A Message-ID on the portal's own domain. Django's default takes the machine's host
    name, which on a server is often "localhost" and makes spam filters suspicious."""
    return make_msgid(idstring=idstring, domain=site_domain())
