import pytest

from tests.factories import DepartmentFactory
from wijkportaal.wijkraden.models import Department


@pytest.fixture(autouse=True)
def participation(request):
    """The department that owns role declarations at the desk (seeded in every real database):
    a declaration opens its case there. For every test with the database."""
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        return None
    request.getfixturevalue("_django_db_helper")
    return Department.objects.filter(slug="wijkzaken-en-participatie").first() or DepartmentFactory(
        name="Wijkzaken en Participatie",
        slug="wijkzaken-en-participatie",
        email="participatie@gemeente.test",
    )
