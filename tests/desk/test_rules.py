"""Each desk permission for each kind of user."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.desk.factories import CaseFactory
from tests.factories import (
    AdministratorFactory,
    BreakGlassFactory,
    CouncilFactory,
    CouncillorFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.desk.admin import CaseAdmin
from wijkportaal.desk.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(council, department):
    former = MembershipFactory(council=council, function="voorzitter")
    former.end = former.start
    former.save()
    return {
        "chair": MembershipFactory(council=council, function="voorzitter").person,
        "member": MembershipFactory(council=council, function="lid").person,
        "other_chair": MembershipFactory(function="voorzitter").person,
        "former_chair": former.person,
        "councillor": CouncillorFactory(),
        "no_role": UserFactory(),
        "dept_officer": OfficerFactory(department=department),
        "other_officer": OfficerFactory(),
        # An administrator: by kind, never a superuser (issue 15).
        "administrator": AdministratorFactory(),
    }


def _cases(council, department, people):
    return {
        "private": CaseFactory(
            council=council, department=department, submitted_by=people["chair"]
        ),
        "public": CaseFactory(
            council=council, department=department, submitted_by=people["chair"], is_public=True
        ),
        "public_answer": CaseFactory(
            council=council, department=department, submitted_by=people["chair"], answer_public=True
        ),
        "members_own": CaseFactory(
            council=council, department=department, submitted_by=people["member"]
        ),
        "councillors_own": CaseFactory(
            council=None, department=department, submitted_by=people["councillor"]
        ),
    }


VIEW = {
    "chair": {"private", "public", "public_answer", "members_own"},
    "member": {"public", "public_answer", "members_own"},
    "other_chair": set(),
    "former_chair": set(),
    "councillor": {"councillors_own"},
    "no_role": set(),
    "dept_officer": {"private", "public", "public_answer", "members_own", "councillors_own"},
    "other_officer": {"private", "public", "public_answer", "members_own", "councillors_own"},
    "administrator": {"private", "public", "public_answer", "members_own", "councillors_own"},
}


@pytest.mark.parametrize("who", list(VIEW))
def test_who_can_view_which_case(council, department, people, who):
    cases = _cases(council, department, people)
    user = people[who]
    seen = {name for name, case in cases.items() if user.has_perm("desk.view_case", case)}
    assert seen == VIEW[who]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("chair", False),
        ("member", False),
        ("councillor", False),
        ("no_role", False),
        ("dept_officer", True),
        ("other_officer", False),
        ("administrator", True),
    ],
)
def test_who_can_handle_a_case(council, department, people, who, allowed):
    case = CaseFactory(council=council, department=department, submitted_by=people["chair"])
    assert people[who].has_perm("desk.handle_case", case) is allowed


def test_the_assignee_can_handle_the_case_even_after_moving_department(council, people):
    case = CaseFactory(council=council, assignee=people["other_officer"])
    assert people["other_officer"].has_perm("desk.handle_case", case)


@pytest.mark.parametrize(
    ("who", "worklist", "routes"),
    [
        ("chair", False, False),
        ("councillor", False, False),
        ("no_role", False, False),
        ("dept_officer", True, False),
        ("administrator", True, True),
    ],
)
def test_the_worklist_is_for_staff_and_routes_for_administrators(people, who, worklist, routes):
    user = people[who]
    assert user.has_perm("desk.view_worklist") is worklist
    assert user.has_perm("desk.view_own_cases") is True
    for action in ("view", "add", "change", "delete"):
        assert user.has_perm(f"desk.{action}_caseroute") is routes


def test_nobody_edits_or_deletes_a_case_or_its_history_in_the_admin_directly(people):
    case = CaseFactory()
    for who in ("dept_officer", "administrator"):
        user = people[who]
        assert user.has_perm("desk.view_case", case)
        for perm in ("add_case", "change_case", "delete_case", "add_caseevent", "change_caseevent"):
            assert not user.has_perm(f"desk.{perm}", case)


def test_the_break_glass_superuser_sees_the_admin_read_only_too():
    """Superusers pass every permission, so the admin itself keeps cases read-only."""
    admin = CaseAdmin(Case, None)
    request = type("Request", (), {"user": BreakGlassFactory()})()
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request, CaseFactory())
    assert not admin.has_delete_permission(request, CaseFactory())


def test_anonymous_visitors_see_no_case(council):
    case = CaseFactory(council=CouncilFactory(), is_public=True)
    assert not AnonymousUser().has_perm("desk.view_case", case)
    assert not AnonymousUser().has_perm("desk.view_own_cases")
