"""Every URL in the matrix, requested by every kind of user, answers the expected status."""

import importlib
import pkgutil

import pytest

import tests
from tests.factories import (
    AdministratorFactory,
    CouncilFactory,
    CouncillorFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from tests.permission_matrix import KINDS, LOGIN, MFA


def collect_rows():
    rows = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            matrix = importlib.import_module(f"tests.{module.name}.matrix_rows")
        except ModuleNotFoundError:
            continue
        rows.extend(matrix.ROWS)
    return rows


ROWS = collect_rows()


@pytest.fixture
def world(db):
    council_a, council_b = CouncilFactory(slug="wijkraad-a"), CouncilFactory(slug="wijkraad-b")
    users = {
        "anonymous": None,
        "no_role": UserFactory(),
        "board": MembershipFactory(council=council_a, function="voorzitter").person,
        "member": MembershipFactory(council=council_a, function="lid").person,
        "other_board": MembershipFactory(council=council_b, function="voorzitter").person,
        "councillor": CouncillorFactory(),
        "officer": OfficerFactory(),
        "administrator": AdministratorFactory(),
        "officer_without_totp": OfficerFactory(totp=False),
    }
    values = {"council_a": council_a.slug, "council_b": council_b.slug}
    from tests.matrix_world import extend_world

    extend_world(values, council_a=council_a, council_b=council_b, users=users)
    return values, users


@pytest.mark.parametrize("row", ROWS, ids=[row.url for row in ROWS])
def test_status_matrix(client, world, row):
    values, users = world
    url = row.url.format(**values)
    seen = {}
    for kind in KINDS:
        client.logout()
        if users[kind] is not None:
            client.force_login(users[kind])
        response = client.get(url)
        status = response.status_code
        location = response.get("Location", "")
        if status == 302 and location.startswith("/accounts/2fa/totp/activate/"):
            status = MFA
        elif status == 302 and ("/accounts/login/" in location or "/admin/login/" in location):
            status = LOGIN
        seen[kind] = status
    expected = {kind: row.expected(kind) for kind in KINDS}
    assert seen == expected
