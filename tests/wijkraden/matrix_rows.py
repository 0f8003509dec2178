from tests.permission_matrix import LOGIN, Row, board_and_staff, public, staff_only_admin

ROWS = [
    public("/wijkraden/"),
    public("/wijkraden/{council_a}/"),
    Row("/wijkraden/bestaat-niet/", default=404),
    board_and_staff("/wijkraden/{council_a}/bewerken/"),
    staff_only_admin("/admin/wijkraden/neighbourhoodcouncil/"),
    # django-import-export: administrators import (after a preview), officers export.
    Row(
        "/admin/wijkraden/neighbourhoodcouncil/import/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 200},
    ),
    staff_only_admin("/admin/wijkraden/neighbourhoodcouncil/export/"),
    staff_only_admin("/admin/accounts/invitation/add/"),
]
