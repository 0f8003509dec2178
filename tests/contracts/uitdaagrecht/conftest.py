import pytest

from tests.contracts.factories import TerrainFactory
from tests.contracts.uitdaagrecht import test_challenge


@pytest.fixture(autouse=True)
def open_terrain(request):
    """Every proposal names a terrain open today: the shared CONTENT names the first one."""
    if "django_db" not in request.keywords and "db" not in request.fixturenames:
        yield None
        return
    request.getfixturevalue("db")
    terrain = TerrainFactory()
    test_challenge.CONTENT["terrain"] = terrain.pk
    yield terrain
    test_challenge.CONTENT.pop("terrain", None)
