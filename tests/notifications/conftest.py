import pytest

from tests.notifications.mail_backends import OutboxOnlyBackend
from wijkportaal.notifications.hooks import NotificationKind


@pytest.fixture
def optional_kind(plugin):
    """An optional reminder kind, as apps register them (e.g. "action due in 7 days")."""
    return plugin(
        NotificationKind(
            "test_reminder", "Herinnering: actie bijna verlopen", "notifications/email/generic"
        )
    )


@pytest.fixture
def outbox_only_mail(settings, eager):
    """Mail as in production, with a check: a message that leaves without its outbox row
    fails the test (also when the code under test swallowed the error)."""
    settings.EMAIL_BACKEND = "tests.notifications.mail_backends.OutboxOnlyBackend"
    OutboxOnlyBackend.strays.clear()
    yield
    strays = [(message.subject, message.to) for message in OutboxOnlyBackend.strays]
    assert strays == [], "mail sent outside the outbox"
