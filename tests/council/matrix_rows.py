from tests.permission_matrix import LOGIN, Row, public, staff_only_admin

ROWS = [
    public("/raad/"),
    public("/raad/{council_decision}/"),
    Row("/raad/999999/", default=404),
    # Officers list decisions; everyone else logged in gets 404.
    Row(
        "/raad/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    Row(
        "/raad/{council_decision}/bewerken/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    # Council members register their visits.
    Row(
        "/raad/bezoeken/",
        default=404,
        overrides={"anonymous": LOGIN, "councillor": 200},
    ),
    # Buttons that only answer POST.
    Row("/raad/{council_decision}/zienswijze/", default=405),
    Row("/raad/{council_decision}/volgen/", default=405),
    Row("/raad/zienswijzen/{council_viewpoint}/reactie/", default=405),
    Row("/raad/bezoeken/{council_visit}/bevestigen/", default=405),
    staff_only_admin("/admin/council/decision/"),
    staff_only_admin("/admin/council/decision/{council_decision}/change/"),
    staff_only_admin("/admin/council/visit/"),
    staff_only_admin("/admin/council/viewpoint/"),
]
