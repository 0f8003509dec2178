from tests.desk.matrix_rows import case_row
from tests.permission_matrix import LOGIN, Row, append_only_admin, public, staff_only_admin

ROWS = [
    public("/voortgang/"),
    public("/voortgang/acties/"),
    public("/voortgang/acties/?status=lopend&over_tijd=ja"),
    # The monitor's old filter addresses lead to the action list.
    Row("/voortgang/?status=lopend", default=302),
    public("/voortgang/aanbevelingen/{recommendation_number}/"),
    public("/voortgang/acties/{action_id}/"),
    public("/voortgang/feed/"),
    public("/voortgang/aanbevelingen/{recommendation_number}/feed/"),
    public("/voortgang/export.csv"),
    public("/voortgang/export.json"),
    public("/voortgang/open-data/"),
    public("/voortgang/export.schema.json"),
    Row("/voortgang/aanbevelingen/11/", default=404),
    Row("/voortgang/acties/999999/", default=404),
    # Following is a POST; a GET is refused for everyone.
    Row("/voortgang/acties/{action_id}/volgen/", default=405),
    # Marking "Wat veranderde" on /mijn/ as read is a POST too.
    Row("/voortgang/gelezen/", default=405),
    # Hiding a reaction: officers and administrators; others learn nothing.
    Row(
        "/voortgang/reacties/{reaction_id}/verbergen/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/recommendations/actionitem/"),
    staff_only_admin("/admin/recommendations/actionitem/export/"),
    staff_only_admin("/admin/recommendations/actionitem/{action_id}/change/"),
    staff_only_admin("/admin/recommendations/actionitem/{action_id}/history/"),
    staff_only_admin("/admin/recommendations/recommendation/"),
    # Progress updates are append-only: a correction is a new update, never an edit.
    *append_only_admin("/admin/recommendations/progressupdate/", "progress_update_id"),
    staff_only_admin("/admin/recommendations/reaction/"),
    staff_only_admin("/admin/recommendations/indicator/"),
    # A reaction is a case: wijkraad A's board and member read A's; B's board only B's.
    case_row("case_reaction_a", board=True, member=True),
    case_row("case_reaction_b", other_board=True),
    staff_only_admin("/admin/recommendations/indicator/{indicator_id}/change/"),
    staff_only_admin("/admin/recommendations/recommendation/{recommendation_id}/change/"),
    # History: shown to staff, never added, changed or deleted (403 for staff).
    *append_only_admin("/admin/recommendations/indicatorsnapshot/", "snapshot_id"),
    *append_only_admin("/admin/recommendations/answerversion/", "answer_version_id"),
    staff_only_admin("/admin/recommendations/programmeevent/"),
    Row(
        "/admin/recommendations/programmeevent/add/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 200},
    ),
]
