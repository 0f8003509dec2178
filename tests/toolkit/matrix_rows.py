from tests.permission_matrix import (
    LOGIN,
    Row,
    board_and_staff,
    logged_in,
    public,
    staff_only_admin,
)

ROWS = [
    public("/toolkit/"),
    public("/toolkit/?district=bestaat-niet"),
    public("/toolkit/kanalen/{toolkit_kind}/"),
    Row("/toolkit/kanalen/bestaat-niet/", default=404),
    public("/toolkit/kennis/"),
    public("/toolkit/kennis/{toolkit_entry}/"),
    public("/toolkit/export.csv"),
    board_and_staff("/toolkit/inventaris/{council_a}/"),
    board_and_staff("/toolkit/inventaris/{council_a}/kanalen/{toolkit_channel_a}/"),
    board_and_staff("/toolkit/inventaris/{council_a}/kanalen/{toolkit_channel_a}/verwijderen/"),
    # A channel of A asked for through B's inventory: nobody but staff gets past the check,
    # and staff find no such channel in B.
    Row(
        "/toolkit/inventaris/{council_b}/kanalen/{toolkit_channel_a}/",
        default=404,
        overrides={"anonymous": LOGIN},
    ),
    Row("/toolkit/inventaris/bestaat-niet/", default=404, overrides={"anonymous": LOGIN}),
    logged_in("/toolkit/kanalen/vraag/{toolkit_channel_a}/"),
    Row(
        "/toolkit/kanalen/vraag/{toolkit_channel_closed}/",
        default=404,
        overrides={"anonymous": LOGIN},
    ),
    # The board of A wrote the entry; officers and administrators may change it too.
    board_and_staff("/toolkit/kennis/{toolkit_entry}/bewerken/"),
    Row(
        "/toolkit/kennis/nieuw/",
        default=404,
        overrides={
            "anonymous": LOGIN,
            "board": 200,
            "other_board": 200,
            "officer": 200,
            "administrator": 200,
        },
    ),
    Row(
        "/toolkit/rondes/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/toolkit/channel/"),
    staff_only_admin("/admin/toolkit/channelkind/"),
    staff_only_admin("/admin/toolkit/knowhowentry/"),
]
