"""What the desk adds to the portal (registered in apps.py): the worklist on the admin's
front page, "Mijn verzoeken" on /mijn/, the request to remove one's account (its own kind of
case, offered on /mijn/ and /privacy/), its mails and due work, its digest section and its
demo step. The kinds of case come from the apps above (see hooks.CaseKind)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, IndicatorSource, PageSection, PublicData
from wijkportaal.notifications.hooks import DigestSection
from wijkportaal.permissions import is_administrator, is_officer

from . import demo, reminders, selectors
from .digest import answers_section
from .hooks import CaseKind
from .models import REMOVAL_CASE
from .services import REMOVAL_DEPARTMENT, REMOVAL_TERM_DAYS


def worklist_audience(request, user):
    """Who sees the same worklist: the person (their own cases) as officer of their department
    or as administrator; None for whoever has no worklist."""
    if not (user.is_authenticated and user.has_perm("desk.view_worklist")):
        return None
    return (user.pk, user.department_id, is_officer(user), is_administrator(user))


def worklist_section(request, user):
    """Mijn werkvoorraad and Mijn afdeling, for officers and administrators."""
    if worklist_audience(request, user) is None:
        return None
    return selectors.worklist(user)


def my_page_section(request, user):
    """New answers to the cases the person sees, and a link to all of them."""
    return selectors.new_answers(user)


def removal_section(request, user):
    """The way to ask for removal of one's account, under the account on /mijn/ and under
    "Uw rechten" on /privacy/ (for a logged-in person only)."""
    if not (user and user.is_authenticated):
        return None
    return {"open_request": selectors.open_removal_request(user)}


PLUGINS = [
    CaseKind(
        REMOVAL_CASE,
        label=_("Verzoek om verwijdering van account en gegevens"),
        term_days=REMOVAL_TERM_DAYS,
        department=REMOVAL_DEPARTMENT,
        public=False,
        order=90,
    ),
    PageSection(
        "desk-removal",
        slot="my_page",
        template="desk/removal_section.html",
        context=removal_section,
        order=90,
    ),
    PageSection(
        "desk-removal-privacy",
        slot="privacy",
        template="desk/removal_section.html",
        context=removal_section,
        order=10,
    ),
    PublicData("desk", models=("desk",)),  # the answer times, case promises
    PageSection(
        "desk-worklist",
        slot="admin_index",
        template="desk/admin_worklist.html",
        context=worklist_section,
        order=10,
        # Kept rendered until a case, a department or a person changes.
        scopes=("desk", "wijkraden"),
        audience=worklist_audience,
    ),
    PageSection(
        "desk",
        slot="my_page",
        template="desk/my_page_section.html",
        context=my_page_section,
        order=20,
    ),
    DigestSection("desk.answers", build=answers_section, order=20),
    IndicatorSource(
        "desk.answered_in_term_share",
        label=_("Verzoeken binnen de termijn beantwoord (%)"),
        compute=selectors.answered_in_term_share,
        definition=_(
            "Van alle verzoeken aan de gemeente (elke soort) die in de periode binnenkwamen en "
            "waarvan de antwoordtermijn verstreken is of die al beantwoord zijn: het "
            "percentage dat binnen de termijn in werkdagen beantwoord werd."
        ),
        unit="%",
    ),
    # After the domain apps' own steps, which open the cases this one moves along.
    DemoStep("desk", run=demo.seed_desk, order=90, withdraws_mail=demo.replayed_case_mail),
    *reminders.PLUGINS,
]
