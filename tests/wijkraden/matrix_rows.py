from tests.permission_matrix import (
    LOGIN,
    Row,
    administrator_admin,
    board_and_staff,
    public,
    staff_only_admin,
)

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
ROWS += [
    # The administrators' daily work, through the rules (they are no superusers).
    staff_only_admin("/admin/wijkraden/neighbourhoodcouncil/{council_a_pk}/change/"),
    staff_only_admin("/admin/wijkraden/membership/"),
    # Who gave whom which seat: the staff who keep the memberships read the history.
    staff_only_admin("/admin/wijkraden/membership/{membership_board}/history/"),
    staff_only_admin("/admin/wijkraden/district/"),
    administrator_admin("/admin/wijkraden/district/add/"),
    administrator_admin("/admin/wijkraden/department/add/"),
]
