import pytest

from wijkportaal.notifications.hooks import NotificationKind


@pytest.fixture
def optional_kind(plugin):
    """An optional reminder kind, as apps register them (e.g. "action due in 7 days")."""
    return plugin(
        NotificationKind(
            "test_reminder", "Herinnering: actie bijna verlopen", "notifications/email/generic"
        )
    )
