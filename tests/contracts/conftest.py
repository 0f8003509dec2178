import pytest

from tests.factories import DepartmentFactory

# The default owners of the contracts' kinds of case (the demo's department slugs).
DESK_DEPARTMENTS = {
    "wijkzaken-en-participatie": "Wijkzaken en Participatie",
    "maatschappelijke-ontwikkeling": "Maatschappelijke Ontwikkeling",
}


@pytest.fixture(autouse=True)
def desk_departments(request):
    """Every submission opens a case at the desk, which needs its kind's department."""
    if "django_db" not in request.keywords and "db" not in request.fixturenames:
        return {}
    request.getfixturevalue("db")
    return {
        slug: DepartmentFactory(slug=slug, name=name, email=f"{slug}@gemeente.test")
        for slug, name in DESK_DEPARTMENTS.items()
    }
