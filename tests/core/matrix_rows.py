from tests.permission_matrix import Row, logged_in, public, staff_only_admin

ROWS = [
    public("/"),
    public("/toegankelijkheid/"),
    public("/privacy/"),
    public("/gezondheid/"),
    # Logged-in users are sent on from the login page.
    Row("/accounts/login/", default=302, overrides={"anonymous": 200}),
    logged_in("/mijn/"),
    logged_in("/mijn/gegevens/"),
    staff_only_admin("/admin/"),
]
