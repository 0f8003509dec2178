"""The plugin type the desk asks the apps for: the kinds of case.

Everything a wijkraad (or a council member, or a resident group) submits to the municipality
becomes a case at the desk. The app that owns the submission registers its kind once, in its
`plugins.py`, and opens a case with `wijkportaal.desk.services.case_open(kind=<key>, ...)`
inside its own transaction:

    CaseKind(
        "support_request",
        label=_("Verzoek om ondersteuning"),
        term_days=10,
        department="wijkzaken-en-participatie",
        on_answer=mirror_answer,  # optional: show the desk's answer on the app's own object
    )
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from wijkportaal.core.registry import Plugin, registry


@dataclass(frozen=True)
class CaseKind(Plugin):
    """A kind of case. `term_days`: the service term in working days (Dutch public holidays
    excluded); `department`: the slug of the default owning Department (administrators
    override it per kind and topic with a CaseRoute); `public`: whether the wijkraad's members
    see a case of this kind by default (the board and the submitter always do);
    `on_answer(case, actor, text)`: called inside the answering transaction when an officer
    answers at the desk, so the app can mirror the answer on its own object."""

    label: Any
    term_days: int
    department: str
    public: bool = False
    on_answer: Callable[..., None] | None = None
    order: int = 50


def case_kinds() -> list[CaseKind]:
    return registry.all(CaseKind)


def case_kind(key: str) -> CaseKind:
    """The registered kind, or a ValidationError (keyed "kind") naming the unknown key."""
    found = find_case_kind(key)
    if found is None:
        raise ValidationError(
            {"kind": gettext("Onbekende soort verzoek: %(kind)s.") % {"kind": key}}
        )
    return found


def find_case_kind(key: str) -> CaseKind | None:
    return registry.get(CaseKind, key)


def kind_label(key: str) -> str:
    """The kind's label; a kind no longer registered keeps its key (old cases stay readable)."""
    found = find_case_kind(key)
    return str(found.label) if found else key
