import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.test import Client

from tests.factories import (
    AdministratorFactory,
    CouncilFactory,
    CouncillorFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.wijkraden.models import Function


class PortalClient(Client):
    """Django's test client, whose force_login leaves in the session what a real login through
    allauth leaves: when the user authenticated (password, then TOTP for staff who have it).
    Sensitive admin pages ask for a recent authentication and read exactly that."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        now = time.time()
        records = [{"method": "password", "at": now, "email": user.email}]
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is not None:
            records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
        session = self.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = records
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()


@pytest.fixture
def client():
    return PortalClient()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from wijkportaal.core import pagecache

    cache.clear()
    pagecache.clear_local()
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
