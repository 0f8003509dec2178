from tests.permission_matrix import LOGIN, Row, public, staff_only_admin

ROWS = [
    public("/scholing/"),
    public("/scholing/agenda.ics"),
    public("/scholing/modules/{training_module}/"),
    Row("/scholing/modules/bestaat-niet/", default=404),
    public("/scholing/sessies/{training_session}/"),
    public("/scholing/sessies/{training_session}/agenda.ics"),
    Row("/scholing/sessies/999999/", default=404),
    # Enrolling and cancelling only answer POST.
    Row("/scholing/sessies/{training_session}/inschrijven/", default=405),
    Row("/scholing/sessies/{training_session}/afmelden/", default=405),
    # Attendance: officers only; everyone else logged in gets 404, nothing revealed.
    Row(
        "/scholing/sessies/{training_session}/aanwezigheid/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    # Public summary for all; the board's form and the officers' matrix are parts of the page.
    public("/scholing/inventarisatie/{training_round}/"),
    Row("/scholing/inventarisatie/bestaat-niet/", default=404),
    public("/conferentie/"),
    public("/conferentie/{training_conference_year}/"),
    public("/conferentie/{training_conference_year}/agenda.ics"),
    Row("/conferentie/{training_conference_year}/aanmelden/", default=405),
    Row("/conferentie/1900/", default=404),
    Row(
        "/conferentie/{training_conference_year}/status/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/training/session/"),
    staff_only_admin("/admin/training/session/{training_session}/change/"),
    staff_only_admin("/admin/training/wishanswer/"),
    staff_only_admin("/admin/training/conference/"),
    staff_only_admin("/admin/training/enrolment/"),
    staff_only_admin("/admin/training/module/add/"),
    staff_only_admin("/admin/training/traininground/add/"),
]
