"""The outbox: queueing, sending (exactly once per occasion) and the periodic due-work."""

from __future__ import annotations

import datetime
import logging
import smtplib
import socket
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import render_mail
from wijkportaal.core.registry import registry

from .hooks import Due, NotificationKind, ReminderSource, optional_kinds
from .hooks import kind as registered_kind
from .models import DigestFrequency, Notification, NotificationPreference, NotificationStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A queued message older than this without being sent is picked up again by the sweeper
# (its task was lost, e.g. because the broker was down when the event happened).
SWEEP_AFTER = datetime.timedelta(minutes=2)


class TemporaryFailure(Exception):
    """The mail server could not take the message now; try again later."""


def disabled_kinds_for(user_ids: Iterable[int]) -> dict[int, set[str]]:
    rows = NotificationPreference.objects.filter(user_id__in=list(user_ids)).values_list(
        "user_id", "disabled_kinds"
    )
    return {user_id: set(kinds or []) for user_id, kinds in rows}


def _build_row(recipient: User, due: Due) -> Notification:
    from .unsubscribe import unsubscribe_url

    kind = registered_kind(due.kind)
    context = {
        "recipient": recipient,
        "about": due.about,
        "unsubscribe_url": unsubscribe_url(recipient.pk, due.kind),
        "preferences_url": settings.SITE_URL + reverse("notifications:preference-edit"),
        **due.context,
    }
    subject, text, html = render_mail(kind.template_base, context)
    text, html = _with_unsubscribe_footer(text, html, context)
    row = Notification(
        recipient=recipient,
        kind=due.kind,
        occasion=due.occasion[:200],
        to_address=recipient.email,
        subject=subject[:255],
        body_text=text,
        body_html=html,
    )
    if due.about is not None:
        row.content_type = ContentType.objects.get_for_model(due.about)
        row.object_id = due.about.pk
    return row


def _with_unsubscribe_footer(text: str, html: str, context: dict) -> tuple[str, str]:
    """Every message carries its unsubscribe link: add the footer when a kind's templates
    left it out (templates extending notifications/email/base.html have it already)."""
    url = context["unsubscribe_url"]
    if url not in text:
        text = text.rstrip() + "\n" + render_to_string("notifications/email/footer.txt", context)
    if html and url not in html:
        footer = render_to_string("notifications/email/footer.html", context)
        html = html.replace("</body>", footer + "</body>") if "</body>" in html else html + footer
    return text, html


def notifications_queue(dues: Iterable[Due], *, recipients: Iterable[User] = ()) -> list[int]:
    """Write outbox rows for the given occasions (skipping those that already exist and kinds
    the recipient switched off) and queue their sending after commit. Returns the new ids.

    Call inside the transaction of the event that causes the messages. A constant number of
    queries however many messages: one bulk insert that ignores occasions a racing run wrote
    first (the unique constraint decides). `recipients` may pass the users already loaded."""
    dues = list(dues)
    if not dues:
        return []
    wanted = {due.recipient_id for due in dues}
    users = {user.pk: user for user in recipients if user.pk in wanted}
    if len(users) < len(wanted):
        users.update(User.objects.in_bulk(wanted - set(users)))
    disabled = disabled_kinds_for(users)
    keys_filter = {
        "recipient_id__in": users,
        "kind__in": {due.kind for due in dues},
        "occasion__in": {due.occasion[:200] for due in dues},
    }
    existing = set(
        Notification.objects.filter(**keys_filter).values_list("recipient_id", "kind", "occasion")
    )
    rows = []
    for due in dues:
        recipient = users.get(due.recipient_id)
        key = (due.recipient_id, due.kind, due.occasion[:200])
        if recipient is None or not recipient.is_active or key in existing:
            continue
        kind = registered_kind(due.kind)
        if kind.optional and due.kind in disabled.get(recipient.pk, set()):
            continue
        existing.add(key)
        rows.append(_build_row(recipient, due))
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    new_keys = {(row.recipient_id, row.kind, row.occasion) for row in rows}
    created_ids = sorted(
        pk
        for pk, *key in Notification.objects.filter(
            status=NotificationStatus.QUEUED, **keys_filter
        ).values_list("pk", "recipient_id", "kind", "occasion")
        if tuple(key) in new_keys
    )
    if created_ids:
        transaction.on_commit(lambda: _enqueue_sending(created_ids))
    return created_ids


def notification_queue(
    *, recipient_id: int, kind: str, occasion: str, about=None, context=None
) -> int | None:
    """Queue one message; returns its id, or None when that occasion was already queued."""
    ids = notifications_queue([Due(recipient_id, kind, occasion, about, context or {})])
    return ids[0] if ids else None


def _enqueue_sending(notification_ids: list[int]) -> None:
    from .tasks import send_notification

    for notification_id in notification_ids:
        try:
            # Few quick retries: when the broker is down the event must not wait for it.
            send_notification.apply_async(
                (notification_id,),
                retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.2},
            )
        except Exception:  # noqa: BLE001 - broker down: the sweeper sends it later
            logger.warning(
                "Broker unreachable; notification %s waits for the sweeper", notification_id
            )
            return


def _is_temporary(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return all(400 <= code < 500 for code in codes)
    return isinstance(
        error,
        (
            smtplib.SMTPServerDisconnected,
            smtplib.SMTPConnectError,
            ConnectionError,
            socket.timeout,
            OSError,
        ),
    )


def _unsubscribe_headers(notification: Notification) -> dict[str, str]:
    from .unsubscribe import unsubscribe_url

    url = unsubscribe_url(notification.recipient_id, notification.kind)
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def notification_send(*, notification_id: int) -> str:
    """Send one queued message. The row is locked while sending, so two workers never send it
    both; a message already marked sent is never sent again. Raises TemporaryFailure for the
    task to retry; a permanent failure marks the message failed. Returns the final status."""
    temporary_error = None
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.status != NotificationStatus.QUEUED:
            return notification.status if notification else "locked"
        notification.attempts += 1
        try:
            validate_email(notification.to_address)
        except Exception:  # noqa: BLE001
            return _mark_failed(notification, "Ongeldig e-mailadres")
        message = EmailMultiAlternatives(
            notification.subject,
            notification.body_text,
            settings.DEFAULT_FROM_EMAIL,
            [notification.to_address],
            headers=_unsubscribe_headers(notification),
        )
        if notification.body_html:
            message.attach_alternative(notification.body_html, "text/html")
        try:
            message.send()
        except Exception as error:  # noqa: BLE001
            if not (_is_temporary(error) and notification.attempts < MAX_ATTEMPTS):
                return _mark_failed(notification, f"{error.__class__.__name__}: {error}")
            # Record the attempt (committed), then let the task retry with backoff.
            temporary_error = f"{error.__class__.__name__}: {error}"[:2000]
            notification.last_error = temporary_error
            notification.save(update_fields=["attempts", "last_error"])
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
            notification.save(update_fields=["status", "sent_at", "attempts", "last_error"])
            return notification.status
    raise TemporaryFailure(temporary_error)


def _mark_failed(notification: Notification, reason: str) -> str:
    notification.status = NotificationStatus.FAILED
    notification.failed_at = timezone.now()
    notification.last_error = reason[:2000]
    notification.save(update_fields=["status", "failed_at", "attempts", "last_error"])
    return notification.status


@transaction.atomic
def notification_resend(*, actor: User, notification: Notification) -> None:
    """An officer puts a failed message back in the queue (from the admin)."""
    if not actor.has_perm("notifications.resend_notification"):
        raise PermissionDenied
    Notification.objects.filter(pk=notification.pk, status=NotificationStatus.FAILED).update(
        status=NotificationStatus.QUEUED, attempts=0, failed_at=None
    )
    transaction.on_commit(lambda: _enqueue_sending([notification.pk]))


def reminders_queue(now: datetime.datetime) -> int:
    """Find every registered reminder that is due at `now` and queue it (idempotent)."""
    created = 0
    for source in registry.all(ReminderSource):
        with transaction.atomic():
            created += len(notifications_queue(source.find_due(now)))
        logger.debug("reminder source %s done", source.key)
    return created


def outbox_sweep(now: datetime.datetime, *, send_inline: bool = False) -> int:
    """Send what is still queued after SWEEP_AFTER (lost tasks, broker outages)."""
    ids = list(
        Notification.objects.filter(
            status=NotificationStatus.QUEUED, created_at__lte=now - SWEEP_AFTER
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    if send_inline:
        for notification_id in ids:
            try:
                notification_send(notification_id=notification_id)
            except TemporaryFailure:
                continue
    else:
        _enqueue_sending(ids)
    return len(ids)


def due_work_run(now: datetime.datetime, *, send_inline: bool = False) -> dict[str, int]:
    """The periodic work: reminders that are due, digests that are due, and the sweeper.
    The beat task and `send_due_notifications` both call exactly this."""
    from .digests import digests_queue

    result = {"reminders": reminders_queue(now), "digests": digests_queue(now)}
    if send_inline:
        # Synchronous run (management command): send what this run queued, and anything older.
        result["sent"] = outbox_sweep(now + SWEEP_AFTER, send_inline=True)
    else:
        result["swept"] = outbox_sweep(now)
    return result


def effective_frequency(user: User, preference: NotificationPreference | None) -> str:
    from .digests import default_frequency

    if preference is not None and preference.digest_frequency:
        return preference.digest_frequency
    return default_frequency(user)


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


@transaction.atomic
def notification_unsubscribe(*, user_id: int, kind: str) -> bool:
    """One-click unsubscribe from a signed link: switch that kind off ("digest": frequency
    nooit). Returns False when there is nothing the user may switch off."""
    from .digests import DIGEST_KIND

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
