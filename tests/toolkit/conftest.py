import pytest


@pytest.fixture
def eager(settings):
    """Send queued outbox mail right away (the Celery task runs in-process)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
