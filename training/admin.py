from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.core.admin import KeepsItsStepsAdmin, TransitionRecordInline

from . import services
from .forms import SessionAdminForm
from .models import (
    CONFERENCE_MACHINE,
    Conference,
    ConferenceRegistration,
    ConferenceTransition,
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
    filter_horizontal = ["topics", "recommendations", "deliverables"]
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


class ConferenceTransitionInline(TransitionRecordInline):
    model = ConferenceTransition


@admin.register(Conference)
class ConferenceAdmin(KeepsItsStepsAdmin, ObjectPermissionsModelAdmin):
    list_display = ["year", "theme", "starts_at", "venue", "status"]
    list_filter = ["status", "year"]
    filter_horizontal = ["delegation", "modules"]
    # Held (with attendance) or cancelled only through the service, on the status page.
    readonly_fields = [
        "status",
        "status_changed_at",
        "next_step",
        "councils_represented",
        "councillors_present",
        "transition_table",
    ]
    fields = [
        ("year", "slug"),
        "theme",
        "description",
        ("starts_at", "ends_at"),
        ("venue", "address"),
        "capacity",
        "delegation",
        "modules",
        ("status", "status_changed_at"),
        "next_step",
        "councils_represented",
        "councillors_present",
        "transition_table",
    ]
    inlines = [ProgrammeItemInline, RegistrationInline, ConferenceTransitionInline]

    @admin.display(description=_("volgende stap"))
    def next_step(self, obj):
        if not obj.pk or CONFERENCE_MACHINE.is_final(obj.status):
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("training:conference-status", args=[obj.slug]),
            _("gehouden of geannuleerd vastleggen"),
        )

    @admin.display(description=_("toegestane statuswijzigingen"))
    def transition_table(self, obj):
        return CONFERENCE_MACHINE.table_html()
