from tests.permission_matrix import Row, board_and_staff, public, staff_only_admin

ROWS = [
    public("/wijkraden/"),
    public("/wijkraden/{council_a}/"),
    Row("/wijkraden/bestaat-niet/", default=404),
    board_and_staff("/wijkraden/{council_a}/bewerken/"),
    staff_only_admin("/admin/wijkraden/neighbourhoodcouncil/"),
    staff_only_admin("/admin/accounts/invitation/add/"),
]
