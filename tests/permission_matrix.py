"""The URL × kind-of-user status matrix.

Each app adds its rows in `tests/<app>/matrix_rows.py` as `ROWS = [Row(...), ...]`; the test
in tests/test_permission_matrix.py collects them all. A row names a URL (formatted with the
world built by `build_world`) and the status each kind of user gets on GET."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "anonymous",  # a resident without an account
    "no_role",  # logged in, but no current role (e.g. a former wijkraad member)
    "board",  # voorzitter of wijkraad A
    "member",  # lid of wijkraad A
    "other_board",  # voorzitter of wijkraad B
    "councillor",  # gemeenteraadslid
    "officer",  # ambtenaar
    "administrator",  # functioneel beheerder
    "officer_without_totp",  # ambtenaar die nog geen TOTP heeft ingesteld
)

LOGIN = "login"  # a redirect to the login page
MFA = "mfa"  # a redirect to the TOTP set-up


@dataclass(frozen=True)
class Row:
    url: str
    default: int | str = 200
    overrides: dict[str, int | str] = field(default_factory=dict)

    def expected(self, kind: str) -> int | str:
        if kind == "officer_without_totp":
            # Staff without TOTP reach nothing but the MFA set-up (and logout, static files,
            # the language switch): every page, public ones included, sends them there.
            return self.overrides.get(kind, MFA)
        return self.overrides.get(kind, self.default)


def public(url: str) -> Row:
    return Row(url)


def logged_in(url: str) -> Row:
    return Row(url, default=200, overrides={"anonymous": LOGIN})


def board_and_staff(url: str) -> Row:
    """Writes for wijkraad A: its board and officers; others get 404 (nothing revealed)."""
    return Row(
        url,
        default=404,
        overrides={"anonymous": LOGIN, "board": 200, "officer": 200, "administrator": 200},
    )


def staff_only_admin(url: str) -> Row:
    return Row(url, default=LOGIN, overrides={"officer": 200, "administrator": 200})


def administrator_admin(url: str) -> Row:
    """An admin page of the administrators' daily work (through the rules, not as superuser);
    officers are refused."""
    return Row(url, default=LOGIN, overrides={"officer": 403, "administrator": 200})


def append_only_admin(changelist: str, pk: str) -> list[Row]:
    """An append-only record in the admin: staff read the list and the record (the change page
    shows it read-only), nobody — administrator included — gets the delete page or the add
    form (403)."""
    refused = {"officer": 403, "administrator": 403}
    return [
        staff_only_admin(changelist),
        staff_only_admin(f"{changelist}{{{pk}}}/change/"),
        Row(f"{changelist}{{{pk}}}/delete/", default=LOGIN, overrides=refused),
        Row(f"{changelist}add/", default=LOGIN, overrides=refused),
    ]
