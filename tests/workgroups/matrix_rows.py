from tests.desk.matrix_rows import case_row
from tests.permission_matrix import LOGIN, Row, public, staff_only_admin

ROWS = [
    public("/werkgroepen/"),
    public("/werkgroepen/{workgroup}/"),
    public("/werkgroepen/{workgroup}/agenda.ics"),
    Row("/werkgroepen/bestaat-niet/", default=404),
    Row("/werkgroepen/bestaat-niet/agenda.ics", default=404),
    # The chair (here: the board member of wijkraad A) and officers run the meetings.
    Row(
        "/werkgroepen/{workgroup}/vergaderingen/{meeting}/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "officer": 200, "administrator": 200},
    ),
    Row(
        "/werkgroepen/{workgroup}/opbrengsten/{deliverable}/opleveren/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "officer": 200, "administrator": 200},
    ),
    # Documents come through a view: a published one for everyone, a draft only for the
    # workgroup (its chair is the board member, the member sits in it) and officers.
    public("/werkgroepen/{workgroup}/opbrengsten/{deliverable_published_doc}/download/"),
    Row(
        "/werkgroepen/{workgroup}/opbrengsten/{deliverable_draft_doc}/download/",
        default=404,
        overrides={"board": 200, "member": 200, "officer": 200, "administrator": 200},
    ),
    Row("/werkgroepen/{workgroup}/opbrengsten/{deliverable}/download/", default=404),
    public("/contactmomenten/"),
    public("/contactmomenten/{council_a}/"),
    public("/contactmomenten/{council_a}/agenda.ics"),
    Row("/contactmomenten/bestaat-niet/", default=404),
    Row(
        "/contactmomenten/knelpunten/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/workgroups/workgroup/"),
    staff_only_admin("/admin/workgroups/contactfeedback/"),
    # Feedback and bottlenecks are cases: board, the member who gave it (and staff) read them.
    case_row("case_feedback_a", board=True, member=True),
    case_row("case_bottleneck_a", board=True, member=True),
]
