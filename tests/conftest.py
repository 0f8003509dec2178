import pytest

from tests.factories import (
    AdministratorFactory,
    CouncilFactory,
    CouncillorFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.wijkraden.models import Function


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def eager(settings):
    """Send queued outbox mail right away (the Celery task runs in-process)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def council(db):
    return CouncilFactory()


@pytest.fixture
def other_council(db):
    return CouncilFactory()


@pytest.fixture
def chair(council):
    return MembershipFactory(council=council, function=Function.CHAIR).person


@pytest.fixture
def member(council):
    return MembershipFactory(council=council, function=Function.MEMBER).person


@pytest.fixture
def other_chair(other_council):
    return MembershipFactory(council=other_council, function=Function.CHAIR).person


@pytest.fixture
def officer(db):
    return OfficerFactory()


@pytest.fixture
def administrator(db):
    return AdministratorFactory()


@pytest.fixture
def councillor(db):
    return CouncillorFactory()


@pytest.fixture
def resident_user(db):
    """A logged-in person without any role (e.g. a former member)."""
    return UserFactory()


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def plugin():
    """Register plugins for one test: `plugin(NotificationKind(...), ...)`; afterwards the
    registry holds exactly what it held before."""
    from wijkportaal.core.registry import registry

    replaced = []

    def register(*items):
        for item in items:
            replaced.append((type(item), item.key, registry.get(type(item), item.key)))
            registry.register(item, replace=True)
        return items[0] if len(items) == 1 else items

    yield register
    for kind, key, previous in reversed(replaced):
        registry.unregister(kind, key)
        if previous is not None:
            registry.register(previous)
