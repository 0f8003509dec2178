from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .hooks import confidential_kinds
from .models import Notification, NotificationPreference, NotificationStatus
from .sending import notification_resend

CONFIDENTIAL = _("Niet getoond: dit bericht bevat een persoonlijke link (zoals een uitnodiging).")


@admin.register(Notification)
class NotificationAdmin(ObjectPermissionsModelAdmin):
    """The outbox, read-only: officers filter, read and resend failed messages."""

    list_display = ["subject", "to_address", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to_address", "subject"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]
    actions = ["resend"]
    fields = [
        "recipient",
        "to_address",
        "subject",
        "kind",
        "occasion",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "failed_at",
        "text_part",
        "html_source",
    ]
    readonly_fields = fields

    @admin.display(description=_("tekst"))
    def text_part(self, obj):
        return format_html('<pre class="outbox-text">{}</pre>', self._readable(obj, "body_text"))

    @admin.display(description=_("HTML-bron"))
    def html_source(self, obj):
        # Shown escaped, never rendered: the message's HTML must not run inside the admin.
        return format_html('<pre class="outbox-text">{}</pre>', self._readable(obj, "body_html"))

    @staticmethod
    def _readable(obj, field: str) -> str:
        # A link that works without logging in (an invitation for an administrator, a
        # verification link) must not be usable by whoever reads the outbox.
        return str(CONFIDENTIAL) if obj.kind in confidential_kinds() else getattr(obj, field)

    @admin.action(description=_("Opnieuw versturen"), permissions=["resend"])
    def resend(self, request, queryset):
        failed = list(queryset.filter(status=NotificationStatus.FAILED))
        for notification in failed:
            notification_resend(actor=request.user, notification=notification)
        self.message_user(
            request,
            ngettext(
                "%(count)d mislukt bericht staat weer in de wachtrij.",
                "%(count)d mislukte berichten staan weer in de wachtrij.",
                len(failed),
            )
            % {"count": len(failed)},
            messages.SUCCESS,
        )

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.resend_notification")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ObjectPermissionsModelAdmin):
    list_display = ["user", "digest_frequency", "last_digest_at"]
    list_filter = ["digest_frequency"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "digest_frequency", "disabled_kinds", "last_digest_at"]

    def has_add_permission(self, request):
        return False
