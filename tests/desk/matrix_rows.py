from tests.permission_matrix import (
    LOGIN,
    Row,
    append_only_admin,
    logged_in,
    public,
    staff_only_admin,
)

STAFF = {"officer": 200, "administrator": 200}


def case_row(case: str, **viewers) -> Row:
    """A case page: the viewers named and staff 200, anonymous to the login, others 404."""
    return Row(
        f"/mijn/verzoeken/{{{case}}}/",
        default=404,
        overrides={"anonymous": LOGIN, **STAFF, **dict.fromkeys(viewers, 200)},
    )


ROWS = [
    logged_in("/mijn/verzoeken/"),
    # Anyone with an account may ask for the removal of their own account (AVG).
    logged_in("/mijn/gegevens/verwijderen/"),
    case_row("desk_private_a", board=True),
    case_row("desk_public_a", board=True, member=True),
    case_row("desk_members_own", board=True, member=True),
    case_row("desk_councillor", councillor=True),
    case_row("desk_private_b", other_board=True),
    Row("/mijn/verzoeken/999999/", default=404, overrides={"anonymous": LOGIN}),
    public("/voortgang/reactietijd/"),
    staff_only_admin("/admin/desk/case/export/"),
    # A case and its history change only through the steps; nobody deletes one.
    *append_only_admin("/admin/desk/case/", "desk_private_a"),
    Row("/admin/desk/case/?mijn=ja", default=LOGIN, overrides=STAFF),
    # Only the owning department's officers (and administrators) take steps; the matrix's
    # officer works elsewhere.
    Row(
        "/admin/desk/case/{desk_private_b}/stap/beantwoorden/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 200},
    ),
    Row(
        "/admin/desk/case/{desk_private_a}/stap/bestaat-niet/",
        default=LOGIN,
        overrides={"officer": 404, "administrator": 404},
    ),
    Row("/admin/desk/caseroute/", default=LOGIN, overrides={"officer": 403, "administrator": 200}),
    Row(
        "/admin/desk/caseroute/add/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 200},
    ),
]
