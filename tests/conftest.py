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
