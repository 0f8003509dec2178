"""Admin pieces every app uses the same way."""

from django.contrib import admin


class TransitionRecordInline(admin.TabularInline):
    """The dated, signed steps of an object through its states (a `TransitionRecord` model),
    read-only: steps are made by the service, which checks the state machine."""

    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False
