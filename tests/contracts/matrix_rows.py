from tests.permission_matrix import LOGIN, Row, board_and_staff, public, staff_only_admin

ROWS = [
    public("/wijkcontracten/"),
    public("/wijkcontracten/{contract_public}/"),
    board_and_staff("/wijkcontracten/{contract_draft}/"),
    Row("/wijkcontracten/999999/", default=404),
    Row(
        "/wijkcontracten/aanvragen/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "other_board": 200},
    ),
    board_and_staff("/wijkcontracten/{contract_draft}/status/"),
    Row(
        "/wijkcontracten/{contract_public}/afspraken/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    Row(
        "/wijkcontracten/afspraken/{commitment}/bijwerken/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    public("/beheerexperiment/"),
    public("/beheerexperiment/{pilot}/"),
    public("/beheerexperiment/{pilot}/uitgaven.csv"),
    Row(
        "/beheerexperiment/{pilot}/besluiten/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/contracts/budgetpilot/"),
    public("/uitdaagrecht/"),
    public("/uitdaagrecht/voorstel/"),
    public("/uitdaagrecht/{proposal}/"),
    Row("/uitdaagrecht/{proposal_unverified}/", default=404),
    Row(
        "/uitdaagrecht/voorstel/wijkraad/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "other_board": 200},
    ),
    Row(
        "/uitdaagrecht/{proposal}/beoordelen/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    Row("/uitdaagrecht/{proposal_unverified}/beoordelen/", default=404),
    staff_only_admin("/admin/contracts/challengeproposal/"),
    staff_only_admin("/admin/contracts/challengeproposal/{proposal_unverified}/change/"),
    staff_only_admin("/admin/contracts/contract/"),
    staff_only_admin("/admin/contracts/contract/{contract_draft}/change/"),
]
