import pytest

from tests.desk.factories import TEST_KIND
from tests.factories import DepartmentFactory, OfficerFactory
from wijkportaal.desk.hooks import CaseKind


@pytest.fixture
def department(db):
    return DepartmentFactory(slug="wijkzaken", name="Wijkzaken", email="wijkzaken@gemeente.test")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(slug="openbare-ruimte", name="Openbare Ruimte")


@pytest.fixture
def dept_officer(department):
    """An officer of the owning department."""
    return OfficerFactory(department=department)


@pytest.fixture
def mirrored():
    """What the kind's on_answer hook received (a domain app would mirror the answer)."""
    return []


@pytest.fixture
def case_kind(plugin, department, mirrored):
    """A kind of case as a domain app registers it: ten working days, owned by Wijkzaken."""
    return plugin(
        CaseKind(
            TEST_KIND,
            label="Testverzoek",
            term_days=10,
            department=department.slug,
            on_answer=lambda case, actor, text: mirrored.append((case.pk, actor.pk, text)),
        )
    )
