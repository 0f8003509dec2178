from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.core.admin import AppendOnlyAdmin

from .models import RoleDeclaration


@admin.register(RoleDeclaration)
class RoleDeclarationAdmin(AppendOnlyAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    """Read-only for everyone: a declaration is made and ended by the wijkraad's board in the
    portal, so the register stays what the wijkraad made known."""

    list_display = ["council", "role", "subject", "start", "end", "declared_at"]
    list_filter = ["role", "council__district"]
    search_fields = ["council__name", "subject"]
    list_select_related = ["council"]
    date_hierarchy = "start"
