"""The role choice moved from the wijkraden app to the roles app (issue 12). A database made
before the move upgrades with `migrate`: the declarations, their history, the outbox rows and
admin log entries about them and the permissions given on them all survive."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from roles.models import RoleDeclaration
from tests.factories import CouncilFactory, UserFactory
from wijkportaal.notifications.models import Notification, recipient_key

BEFORE_THE_MOVE = [("wijkraden", "0003_role_declaration")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    # The content type rows were renamed under the cache's feet.
    ContentType.objects.clear_cache()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_declarations_made_before_the_move_survive_the_upgrade():
    council = CouncilFactory()
    chair = UserFactory()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE_THE_MOVE)
        OldDeclaration = old.get_model("wijkraden", "RoleDeclaration")
        OldHistory = old.get_model("wijkraden", "HistoricalRoleDeclaration")
        OldContentType = old.get_model("contenttypes", "ContentType")
        assert OldDeclaration._meta.db_table == "wijkraden_roledeclaration"
        start = timezone.localdate() + datetime.timedelta(days=3)
        running = OldDeclaration.objects.create(
            council_id=council.pk, role="netwerkorganisatie", start=start, declared_by_id=chair.pk
        )
        successor = OldDeclaration.objects.create(
            council_id=council.pk,
            role="zelforganisatie",
            subject="Marktplein",
            start=start,
            frameworks_acknowledged=True,
            declared_by_id=chair.pk,
            supersedes_id=running.pk,
        )
        OldHistory.objects.create(
            id=successor.pk,
            council_id=council.pk,
            role="zelforganisatie",
            subject="Marktplein",
            start=start,
            frameworks_acknowledged=True,
            declared_at=successor.declared_at,
            declared_by_id=chair.pk,
            history_date=timezone.now(),
            history_type="+",
        )
        old_type, _ = OldContentType.objects.get_or_create(
            app_label="wijkraden", model="roledeclaration"
        )
        Notification.objects.create(
            recipient=chair,
            recipient_key=recipient_key(chair.pk),
            kind="role_declared",
            occasion=f"role:{successor.pk}:declared",
            content_type_id=old_type.pk,
            object_id=successor.pk,
            to_address=chair.email,
            subject="Rolkeuze",
            body_text="Rolkeuze",
        )
        LogEntry.objects.create(
            user_id=chair.pk,
            content_type_id=old_type.pk,
            object_id=str(successor.pk),
            object_repr="Marktplein",
            action_flag=CHANGE,
        )
        view, _ = Permission.objects.get_or_create(
            content_type_id=old_type.pk,
            codename="view_roledeclaration",
            defaults={"name": "Can view rolkeuze"},
        )
        Group.objects.create(name="Lezers").permissions.add(view)
    finally:
        _migrate(latest)

    assert RoleDeclaration._meta.db_table == "roles_roledeclaration"
    declaration = RoleDeclaration.objects.get(subject="Marktplein")
    assert declaration.council == council
    assert declaration.supersedes == RoleDeclaration.objects.get(role="netwerkorganisatie")
    assert declaration.history.get().history_type == "+"
    new_type = ContentType.objects.get_for_model(RoleDeclaration)
    assert new_type.pk == old_type.pk
    assert not ContentType.objects.filter(app_label="wijkraden", model="roledeclaration").exists()
    assert Notification.objects.get(kind="role_declared").about == declaration
    assert LogEntry.objects.get(object_id=str(declaration.pk)).get_edited_object() == declaration
    reader = UserFactory()
    reader.groups.add(Group.objects.get(name="Lezers"))
    assert "roles.view_roledeclaration" in reader.get_group_permissions()
