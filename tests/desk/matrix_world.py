"""Desk objects for the URL × user-kind matrix: cases of wijkraad A (private by the board,
public, the member's own), a councillor's case without a wijkraad, and a case of B."""

from tests.desk.factories import CaseFactory
from tests.factories import DepartmentFactory


def extend_world(values, *, council_a, council_b, users):
    department = DepartmentFactory()
    cases = {
        "desk_private_a": CaseFactory(council=council_a, submitted_by=users["board"]),
        "desk_public_a": CaseFactory(
            council=council_a, submitted_by=users["board"], is_public=True
        ),
        "desk_members_own": CaseFactory(council=council_a, submitted_by=users["member"]),
        "desk_councillor": CaseFactory(council=None, submitted_by=users["councillor"]),
        "desk_private_b": CaseFactory(council=council_b, submitted_by=users["other_board"]),
    }
    for case in cases.values():
        case.department = department
        case.save(update_fields=["department"])
    values.update({name: case.pk for name, case in cases.items()})
