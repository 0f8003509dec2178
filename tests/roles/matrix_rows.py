from tests.desk.matrix_rows import case_row
from tests.permission_matrix import LOGIN, Row, public, staff_only_admin

ROWS = [
    public("/wijkraden/rollen/"),
    public("/wijkraden/rollen/?role=zelforganisatie&scope=algemeen"),
    # A wijkraad's role is its own board's choice: officers read, they do not declare
    # (administrators are superusers and may act in an emergency).
    Row(
        "/wijkraden/{council_a}/rollen/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "administrator": 200},
    ),
    Row(
        "/wijkraden/{council_a}/rollen/{role_a}/beeindigen/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "administrator": 200},
    ),
    Row("/wijkraden/bestaat-niet/rollen/nieuw/", default=404),
    staff_only_admin("/admin/roles/roledeclaration/"),
    # A role declaration is a case: the board that declared it and the members read it.
    case_row("case_role_a", board=True, member=True),
]
