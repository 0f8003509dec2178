from tests.permission_matrix import (
    LOGIN,
    Row,
    administrator_admin,
    append_only_admin,
    board_and_staff,
    public,
    staff_only_admin,
)

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
    # The board decides; administrators are no superusers and get 404 like any non-board user.
    Row(
        "/beheerexperiment/{pilot}/besluiten/nieuw/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200},
    ),
    Row(
        "/beheerexperiment/besluiten/{decision}/corrigeren/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200},
    ),
    Row(
        "/beheerexperiment/rondes/{pilot_round}/aanmelden/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "other_board": 200},
    ),
    Row(
        "/beheerexperiment/aanmeldingen/{participation}/besluiten/",
        default=404,
        overrides={"anonymous": LOGIN, "officer": 200, "administrator": 200},
    ),
    staff_only_admin("/admin/contracts/budgetpilot/"),
    staff_only_admin("/admin/contracts/pilotround/"),
    staff_only_admin("/admin/contracts/pilotround/{pilot_round}/change/"),
    staff_only_admin("/admin/contracts/pilotparticipation/"),
    # The budget lines are kept on the pilot's page; officers may open it, deleting is the
    # administrators'.
    staff_only_admin("/admin/contracts/budgetpilot/{pilot}/change/"),
    administrator_admin("/admin/contracts/budgetpilot/{pilot}/delete/"),
    # A line's budget with its history (who changed the amount); lines are added on the pilot.
    staff_only_admin("/admin/contracts/budgetline/"),
    staff_only_admin("/admin/contracts/budgetline/{budget_line}/change/"),
    staff_only_admin("/admin/contracts/budgetline/{budget_line}/history/"),
    Row(
        "/admin/contracts/budgetline/add/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 403},
    ),
    # Decisions are append-only: nobody changes or deletes one (the line's spent stays true).
    *append_only_admin("/admin/contracts/budgetdecision/", "budget_decision"),
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
    staff_only_admin("/admin/contracts/challengeterrain/"),
    staff_only_admin("/admin/contracts/challengeproposal/{proposal_unverified}/change/"),
    public("/ondersteuning/"),
    Row(
        "/ondersteuning/aanvragen/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "other_board": 200},
    ),
    Row(
        "/ondersteuning/budget/aanvragen/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "other_board": 200},
    ),
    board_and_staff("/ondersteuning/aanvragen/{support_request}/"),
    staff_only_admin("/admin/contracts/supportoffer/"),
    staff_only_admin("/admin/contracts/supportnote/"),
    staff_only_admin("/admin/contracts/supportrequest/"),
    staff_only_admin("/admin/contracts/contract/"),
    staff_only_admin("/admin/contracts/contract/{contract_draft}/change/"),
    # The cases of the contracts' submissions (the pages above show their box).
    Row(
        "/mijn/verzoeken/{case_contract}/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "officer": 200, "administrator": 200},
    ),
    Row(
        "/mijn/verzoeken/{case_support}/",
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "officer": 200, "administrator": 200},
    ),
    Row(
        "/mijn/verzoeken/{case_proposal}/",
        default=404,
        overrides={
            "anonymous": LOGIN,
            "board": 200,
            "member": 200,
            "officer": 200,
            "administrator": 200,
        },
    ),
    staff_only_admin("/admin/desk/case/{case_contract}/change/"),
    staff_only_admin("/admin/desk/case/{case_support}/change/"),
    staff_only_admin("/admin/desk/case/{case_proposal}/change/"),
]
