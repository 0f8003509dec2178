from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    SENT = "sent", _("verzonden")
    FAILED = "failed", _("mislukt")


def recipient_key(recipient_id: int | None, address: str = "") -> str:
    """Who a message goes to, as one value for the unique occasion key: "u:<user id>" for a
    user, "a:<address in lower case>" for someone without an account."""
    if recipient_id is not None:
        return f"u:{recipient_id}"
    return f"a:{address.strip().lower()}"


class Notification(models.Model):
    """The outbox: one row per message, written in the same transaction as the event that
    causes it. (recipient_key, kind, occasion) is unique, so one occasion never gives two
    messages, whether the recipient is a user or an address without an account. The message
    is rendered when queued, so the row is what was (or will be) sent."""

    # Empty for an address without an account (an invitee, a resident group, a mailbox).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("ontvanger"),
    )
    recipient_key = models.CharField(_("ontvangersleutel"), max_length=260, editable=False)
    kind = models.CharField(_("soort"), max_length=60, db_index=True)
    occasion = models.CharField(_("aanleiding"), max_length=200)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    to_address = models.CharField(_("adres"), max_length=254)
    subject = models.CharField(_("onderwerp"), max_length=255)
    body_text = models.TextField(_("tekst"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    failed_at = models.DateTimeField(_("mislukt op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten (outbox)")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient_key", "kind", "occasion"],
                name="one_message_per_recipient_occasion",
            ),
            # A user's key names the user; an address's key names the address it is sent to.
            models.CheckConstraint(
                condition=Q(recipient__isnull=False, recipient_key__startswith="u:")
                | Q(recipient__isnull=True, recipient_key__startswith="a:"),
                name="notification_has_one_recipient",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="notification_status_created")
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.subject} → {self.to_address}"


class DigestFrequency(models.TextChoices):
    DAILY = "dagelijks", _("dagelijks")
    WEEKLY = "wekelijks", _("wekelijks")
    MONTHLY = "maandelijks", _("maandelijks")
    NEVER = "nooit", _("nooit")


class NotificationPreference(models.Model):
    """A user's digest frequency and the reminder kinds they switched off. No row means the
    defaults for their kind of user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    # Empty: the default for the user's kind (preferences.frequency_expression).
    digest_frequency = models.CharField(
        _("voortgangsoverzicht"), max_length=12, choices=DigestFrequency.choices, blank=True
    )
    disabled_kinds = models.JSONField(_("uitgezette herinneringen"), default=list, blank=True)
    last_digest_at = models.DateTimeField(_("laatste overzicht"), null=True, blank=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_digest_frequency_display()}"
