from tests.permission_matrix import LOGIN, Row, logged_in, staff_only_admin

ROWS = [
    logged_in("/mijn/meldingen/"),
    Row(
        "/mijn/meldingen/verzonden/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    Row("/mijn/meldingen/afmelden/ongeldig/", default=400),
    staff_only_admin("/admin/notifications/notification/"),
]
