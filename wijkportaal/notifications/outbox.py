"""The outbox: writing the rows. Every message the portal sends is a row here, written in the
transaction of the event that causes it and sent after commit (sending.py).

A recipient is a user or an address without an account (an invitee, a resident group, a
department's mailbox). Users get what their preferences let through, in a message with an
unsubscribe link; an address gets its message as it is. Either way the unique
(recipient_key, kind, occasion) key turns a repeated occasion into nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import render_mail

from . import sending
from .hooks import Due
from .hooks import kind as registered_kind
from .models import Notification, NotificationStatus, recipient_key
from .preferences import disabled_kinds_for, unsubscribe_url


def _due_key(due: Due) -> tuple[str, str, str]:
    return recipient_key(due.recipient_id, due.address), due.kind, due.occasion[:200]


def _build_row(due: Due, recipient: User | None) -> Notification:
    kind = registered_kind(due.kind)
    context = {"recipient": recipient, "address": due.address, "about": due.about}
    if recipient is not None:
        context["unsubscribe_url"] = unsubscribe_url(recipient.pk, due.kind)
        context["preferences_url"] = settings.SITE_URL + reverse("notifications:preference-edit")
    context.update(due.context)
    language = recipient.language if recipient is not None else (due.language or None)
    subject, text, html = render_mail(kind.template_base, context, language=language)
    if recipient is not None:
        text, html = _with_unsubscribe_footer(text, html, context)
    key, kind_key, occasion = _due_key(due)
    row = Notification(
        recipient=recipient,
        recipient_key=key,
        kind=kind_key,
        occasion=occasion,
        to_address=recipient.email if recipient is not None else due.address.strip(),
        subject=subject[:255],
        body_text=text,
        body_html=html,
    )
    if due.about is not None:
        row.content_type = ContentType.objects.get_for_model(due.about)
        row.object_id = due.about.pk
    return row


def _with_unsubscribe_footer(text: str, html: str, context: dict) -> tuple[str, str]:
    """Every message to a user carries its unsubscribe link: add the footer when a kind's
    templates left it out (templates extending notifications/email/base.html have it)."""
    url = context["unsubscribe_url"]
    if url not in text:
        text = text.rstrip() + "\n" + render_to_string("notifications/email/footer.txt", context)
    if html and url not in html:
        footer = render_to_string("notifications/email/footer.html", context)
        html = html.replace("</body>", footer + "</body>") if "</body>" in html else html + footer
    return text, html


def _wanted(due: Due, users: dict[int, User], disabled: dict[int, set[str]]) -> bool:
    """Whether this message goes out at all: to an active user who did not switch its kind
    off, or to an address (an address has no preferences: a department's mailbox gets every
    new case even when its officers switched that kind off for themselves)."""
    kind = registered_kind(due.kind)
    if due.recipient_id is None:
        return True
    recipient = users.get(due.recipient_id)
    if recipient is None or not recipient.is_active:
        return False
    return not (kind.optional and due.kind in disabled.get(recipient.pk, set()))


def notifications_queue(dues: Iterable[Due], *, recipients: Iterable[User] = ()) -> list[int]:
    """Write outbox rows for the given occasions (skipping those that already exist and kinds
    the recipient switched off) and queue their sending after commit. Returns the new ids.

    Call inside the transaction of the event that causes the messages. A constant number of
    queries however many messages: one bulk insert that ignores occasions a racing run wrote
    first (the unique constraint decides). `recipients` may pass the users already loaded."""
    dues = list(dues)
    if not dues:
        return []
    wanted = {due.recipient_id for due in dues if due.recipient_id is not None}
    users = {user.pk: user for user in recipients if user.pk in wanted}
    if len(users) < len(wanted):
        users.update(User.objects.in_bulk(wanted - set(users)))
    disabled = disabled_kinds_for(users) if users else {}
    keys = [_due_key(due) for due in dues]
    keys_filter = {
        "recipient_key__in": {key for key, _kind, _occasion in keys},
        "kind__in": {kind for _key, kind, _occasion in keys},
        "occasion__in": {occasion for _key, _kind, occasion in keys},
    }
    existing = set(
        Notification.objects.filter(**keys_filter)
        .order_by()
        .values_list("recipient_key", "kind", "occasion")
    )
    rows = []
    for due, key in zip(dues, keys, strict=True):
        if key in existing or not _wanted(due, users, disabled):
            continue
        existing.add(key)
        rows.append(_build_row(due, users.get(due.recipient_id)))
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    new_keys = {(row.recipient_key, row.kind, row.occasion) for row in rows}
    # The status is checked here, not in SQL: filtered on status the database may pick the
    # status index and read every queued row, so each call would grow with the outbox.
    created_ids = sorted(
        pk
        for pk, status, *key in Notification.objects.filter(**keys_filter)
        .order_by()
        .values_list("pk", "status", "recipient_key", "kind", "occasion")
        if status == NotificationStatus.QUEUED and tuple(key) in new_keys
    )
    if created_ids:
        transaction.on_commit(lambda: sending.sending_enqueue(created_ids))
    return created_ids


def notification_queue(
    *, recipient_id: int, kind: str, occasion: str, about=None, context=None
) -> int | None:
    """Queue one message to a user; returns its id, or None when that occasion was already
    queued (or the user switched its kind off)."""
    ids = notifications_queue([Due(recipient_id, kind, occasion, about, context or {})])
    return ids[0] if ids else None
