from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.core.admin import AppendOnlyAdmin, HistoryByRuleAdmin
from wijkportaal.core.web import apply_errors
from wijkportaal.wijkraden.models import Membership

from . import services
from .models import AuthEvent, Invitation, User
from .reauthentication import SensitiveAdminMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["council"]


@admin.register(User)
class UserAdmin(
    HistoryByRuleAdmin,
    SensitiveAdminMixin,
    SimpleHistoryAdmin,
    ObjectPermissionsModelAdmin,
    DjangoUserAdmin,
):
    """The history ("Geschiedenis") is for administrators only (accounts.view_historicaluser);
    it never holds the password hash or the last login."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "kind", "department", "party", "is_active"]
    list_filter = ["kind", "department", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [MembershipInline]
    # Set by Django on login and creation; nobody should edit them. is_superuser is the
    # break-glass account's, made only with `createsuperuser` (SECURITY.md): nobody grants it
    # here, so an administrator cannot lift themselves above the rules.
    readonly_fields = ["last_login", "date_joined", "is_superuser"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Persoon"),
            {"fields": ["first_name", "last_name", "kind", "department", "party", "language"]},
        ),
        (_("Rechten"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Data"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "kind", "department", "password1", "password2"],
            },
        ),
    ]


@admin.register(Invitation)
class InvitationAdmin(
    HistoryByRuleAdmin, SensitiveAdminMixin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin
):
    """The history is for administrators only (accounts.view_historicalinvitation); it never
    holds the token."""

    list_display = [
        "email",
        "kind",
        "council",
        "function",
        "invited_by",
        "created_at",
        "expires_at",
        "status",
    ]
    list_filter = ["kind", "council__district"]
    search_fields = ["email", "first_name", "last_name"]
    autocomplete_fields = ["council"]
    fields = [
        "email",
        "kind",
        "first_name",
        "last_name",
        "department",
        "party",
        "council",
        "function",
    ]
    readonly_fields = [
        "created_at",
        "expires_at",
        "accepted_at",
        "invited_by",
        "renewal_requested_at",
    ]

    @admin.display(description=_("status"))
    def status(self, obj):
        if obj.is_accepted:
            return _("geaccepteerd")
        if obj.is_expired:
            return _("verlopen, nieuwe gevraagd") if obj.renewal_requested_at else _("verlopen")
        return _("open")

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return self.fields + self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return self.fields + self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            created = services.invitation_create(
                actor=request.user,
                email=obj.email,
                kind=obj.kind,
                first_name=obj.first_name,
                last_name=obj.last_name,
                council=obj.council,
                function=obj.function,
                department=obj.department,
                party=obj.party,
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            raise
        obj.pk = created.pk
        messages.success(
            request, _("De uitnodiging is verstuurd naar %(email)s.") % {"email": created.email}
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class InvitationForm(form):
            def clean(self):
                cleaned = super().clean()
                if "email" not in cleaned or "kind" not in cleaned:
                    return cleaned  # the field's own error says what is missing
                # The service's own rules, asked before saving: errors beside the fields.
                try:
                    services.invitation_check(
                        actor=request.user,
                        email=cleaned["email"],
                        kind=cleaned["kind"],
                        council=cleaned.get("council"),
                        function=cleaned.get("function") or "",
                        department=cleaned.get("department"),
                    )
                except ValidationError as error:
                    apply_errors(self, error)
                return cleaned

        return InvitationForm


@admin.register(AuthEvent)
class AuthEventAdmin(AppendOnlyAdmin, ObjectPermissionsModelAdmin):
    """The audit log: administrators read it; nobody adds, changes or deletes a row here
    (rows go only when older than AUDIT_RETENTION_DAYS, by the purge task)."""

    list_display = ["at", "kind", "user", "login", "client_address", "detail"]
    list_filter = ["kind"]
    search_fields = ["login", "user__email", "client_address"]
    list_select_related = ["user"]
    date_hierarchy = "at"
    readonly_fields = ["at", "kind", "user", "login", "client_address", "detail"]


# A second factor holds a secret: administrators see who has one and may remove it (a lost
# phone; the person sets up a new one at the next login), but nobody adds or edits one here —
# only its owner, through allauth's own set-up pages.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class ReadOnlyAuthenticatorAdmin(AuthenticatorAdmin):
    readonly_fields = ("user", "type", "created_at", "last_used_at")
    exclude = ("data",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
