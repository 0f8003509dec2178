from tests.desk.matrix_rows import case_row
from tests.permission_matrix import LOGIN, Row, append_only_admin, public

ROWS = [
    public("/wijkraden/rollen/"),
    public("/wijkraden/rollen/?role=zelforganisatie&scope=algemeen"),
    # A wijkraad's role is its own board's choice: officers and administrators read, they do
    # not declare (issue 15: administrators are no superusers, the rules decide).
    Row(
        "/wijkraden/{council_a}/rollen/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200},
    ),
    Row(
        "/wijkraden/{council_a}/rollen/{role_a}/beeindigen/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200},
    ),
    Row("/wijkraden/bestaat-niet/rollen/nieuw/", default=404),
    # Append-only: never changed or deleted in the admin, by anyone.
    *append_only_admin("/admin/roles/roledeclaration/", "role_a"),
    # A role declaration is a case: the board that declared it and the members read it.
    case_row("case_role_a", board=True, member=True),
]
