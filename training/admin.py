from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from . import services
from .forms import SessionAdminForm
from .models import (
    Conference,
    ConferenceRegistration,
    Enrolment,
    Module,
    ProgrammeItem,
    Session,
    Topic,
    TopicRank,
    TrainingRound,
    WishAnswer,
)


class TopicInline(admin.TabularInline):
    model = Topic
    extra = 3
    fields = ["order", "title", "description"]


@admin.register(TrainingRound)
class TrainingRoundAdmin(ObjectPermissionsModelAdmin):
    """Open a wish inventory: title, deadline and the topics the wijkraden rank."""

    list_display = ["title", "opens_on", "deadline"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "introduction", "opens_on", "deadline"]
    inlines = [TopicInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.opened_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Topic)
class TopicAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "round", "order"]
    list_filter = ["round"]
    list_editable = ["order"]
    search_fields = ["title"]


class TopicRankInline(admin.TabularInline):
    model = TopicRank
    extra = 0


@admin.register(WishAnswer)
class WishAnswerAdmin(ObjectPermissionsModelAdmin):
    list_display = ["council", "round", "answered_by", "updated_at"]
    list_filter = ["round"]
    list_select_related = ["council", "round", "answered_by"]
    search_fields = ["council__name"]
    inlines = [TopicRankInline]
    readonly_fields = ["answered_by", "created_at", "updated_at"]


@admin.register(Module)
class ModuleAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "audience", "onboarding_position"]
    list_filter = ["audience"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics", "recommendations"]
    search_fields = ["title"]


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    fields = ["person", "status", "requested_at", "attended"]
    readonly_fields = ["person", "status", "requested_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # New enrolments go through the service (capacity, waiting list, confirmation).
        return False


@admin.register(Session)
class SessionAdmin(ObjectPermissionsModelAdmin):
    form = SessionAdminForm
    list_display = ["module", "starts_at", "location", "capacity", "trainer"]
    list_filter = ["module"]
    list_select_related = ["module"]
    date_hierarchy = "starts_at"
    inlines = [EnrolmentInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = services.session_waitlist_fill(session=obj)
            if promoted:
                self.message_user(
                    request,
                    _("%(count)s persoon/personen van de wachtlijst doorgeschoven.")
                    % {"count": len(promoted)},
                    messages.INFO,
                )


@admin.register(Enrolment)
class EnrolmentAdmin(ObjectPermissionsModelAdmin):
    list_display = ["person", "session", "status", "attended", "requested_at"]
    list_filter = ["status", "attended", "session__module"]
    list_select_related = ["person", "session__module"]
    search_fields = ["person__email", "person__last_name"]
    readonly_fields = ["session", "person", "status", "requested_at"]
    actions = ["mark_attended"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Markeer als aanwezig"))
    def mark_attended(self, request, queryset):
        count = 0
        for session_id in set(queryset.values_list("session_id", flat=True)):
            session = Session.objects.get(pk=session_id)
            already = set(session.enrolments.filter(attended=True).values_list("pk", flat=True))
            chosen = set(
                queryset.filter(session_id=session_id, status="ingeschreven").values_list(
                    "pk", flat=True
                )
            )
            try:
                count += services.attendance_record(
                    actor=request.user, session=session, attended_ids=already | chosen
                ) - len(already)
            except services.ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
        self.message_user(request, _("%(count)s aanwezig gemarkeerd.") % {"count": count})


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 1


class RegistrationInline(admin.TabularInline):
    model = ConferenceRegistration
    extra = 0
    fields = ["person", "status", "needs", "requested_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Conference)
class ConferenceAdmin(ObjectPermissionsModelAdmin):
    list_display = ["year", "theme", "starts_at", "venue", "capacity"]
    filter_horizontal = ["delegation"]
    inlines = [ProgrammeItemInline, RegistrationInline]
