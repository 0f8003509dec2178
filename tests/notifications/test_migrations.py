"""The outbox's move to user-or-address recipients keeps the messages an existing database
holds: `migrate` gives each its key, and the unique occasion key still holds afterwards."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory
from wijkportaal.notifications.models import Notification

BEFORE = [("notifications", "0002_preference_default_frequency")]


def migrate(targets=None):
    """Migrate to `targets` (default: the latest state, as the other tests expect)."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migrate_gives_existing_messages_their_user_key():
    user = UserFactory()
    old_apps = migrate(BEFORE)
    try:
        OldNotification = old_apps.get_model("notifications", "Notification")
        for occasion in ("vraag:1", "vraag:2"):
            OldNotification.objects.create(
                recipient_id=user.pk,
                kind="message",
                occasion=occasion,
                to_address=user.email,
                subject="Vraag",
                body_text="Hoe gaat het?",
            )
    finally:
        migrate()

    assert set(Notification.objects.values_list("recipient_key", "occasion")) == {
        (f"u:{user.pk}", "vraag:1"),
        (f"u:{user.pk}", "vraag:2"),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=user,
            recipient_key=f"u:{user.pk}",
            kind="message",
            occasion="vraag:1",
            to_address=user.email,
            subject="Nog eens",
            body_text="Nog eens.",
        )
