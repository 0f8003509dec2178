import pytest

from wijkportaal.notifications.registry import NotificationKind, notification_registry


@pytest.fixture
def optional_kind():
    """An optional reminder kind, as apps register them (e.g. "action due in 7 days")."""
    kind = NotificationKind(
        "test_reminder", "Herinnering: actie bijna verlopen", "notifications/email/generic"
    )
    previous = notification_registry.kinds.get(kind.key)
    notification_registry.register_kind(kind)
    yield kind
    if previous is None:
        notification_registry.kinds.pop(kind.key)
    else:
        notification_registry.kinds[kind.key] = previous
