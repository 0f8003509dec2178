from tests.permission_matrix import Row, logged_in, public, staff_only_admin

ROWS = [
    public("/"),
    public("/toegankelijkheid/"),
    public("/privacy/"),
    public("/zoeken/"),
    public("/zoeken/?q=wijkraad"),
    # An empty or too long query is a message on the page, never an error page.
    public("/zoeken/?q="),
    public("/zoeken/?q=" + "x" * 201),
    # The same answer for everyone; 503 here because no Celery beat or worker ever ran in the
    # test world (tests/core/test_health.py covers the healthy 200).
    Row("/gezondheid/", default=503),
    # Logged-in users are sent on from the login page.
    Row("/accounts/login/", default=302, overrides={"anonymous": 200}),
    logged_in("/mijn/"),
    logged_in("/mijn/gegevens/"),
    staff_only_admin("/admin/"),
]
