"""The administrators' daily work in the admin, through the rules (issue 15: they are no
superusers): users, invitations, second factors, the audit log."""

from tests.permission_matrix import LOGIN, Row, administrator_admin, staff_only_admin

ROWS = [
    staff_only_admin("/admin/"),
    staff_only_admin("/admin/accounts/user/"),
    # Officers see a person read-only; administrators change the account.
    staff_only_admin("/admin/accounts/user/{user_board}/change/"),
    administrator_admin("/admin/accounts/user/add/"),
    administrator_admin("/admin/accounts/user/{user_board}/delete/"),
    staff_only_admin("/admin/accounts/invitation/"),
    staff_only_admin("/admin/accounts/invitation/{invitation}/change/"),
    administrator_admin("/admin/accounts/invitation/{invitation}/delete/"),
    # The change history of a person's account or invitation: administrators only, though
    # officers see the account itself.
    administrator_admin("/admin/accounts/user/{user_board}/history/"),
    administrator_admin("/admin/accounts/invitation/{invitation}/history/"),
    # A lost phone: administrators see and remove a second factor; nobody adds one here.
    administrator_admin("/admin/mfa/authenticator/"),
    administrator_admin("/admin/mfa/authenticator/{officer_totp}/delete/"),
    Row(
        "/admin/mfa/authenticator/add/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 403},
    ),
    # The audit log: administrators read it; nobody changes or deletes a row.
    administrator_admin("/admin/accounts/authevent/"),
    Row(
        "/admin/accounts/authevent/add/",
        default=LOGIN,
        overrides={"officer": 403, "administrator": 403},
    ),
    administrator_admin("/admin/account/emailaddress/"),
]
