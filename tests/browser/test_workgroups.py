import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, CouncilFactory, DepartmentFactory, MembershipFactory
from tests.roles.factories import RoleDeclarationFactory
from tests.workgroups.factories import (
    ContactMomentFactory,
    ContactMomentKindFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    council = CouncilFactory(name="Wijkraad Molenwijk", slug="molenwijk")
    chair = MembershipFactory(council=council, function="voorzitter").person
    # A role declaration is a case at the desk, owned by this department.
    DepartmentFactory(name="Wijkzaken en Participatie", slug="wijkzaken-en-participatie")
    RoleDeclarationFactory(council=council, subject="Speelplek Korenveld", declared_by=chair)
    RoleDeclarationFactory(
        council=council,
        role="zelforganisatie",
        start=timezone.localdate() + datetime.timedelta(days=10),
        declared_by=chair,
    )
    workgroup = WorkgroupFactory(name="Werkgroep rollen", slug="rollen", chair=chair)
    WorkgroupMemberFactory(workgroup=workgroup, person=chair, council=council)
    past = timezone.now() - datetime.timedelta(days=5)
    MeetingFactory(
        workgroup=workgroup,
        title="Startbijeenkomst",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
        minutes="Goed begin.",
        minutes_published_at=timezone.now(),
    )
    MeetingFactory(workgroup=workgroup, agenda="1. Opening", agenda_published_at=timezone.now())
    DeliverableFactory(workgroup=workgroup, title="Handreiking", published_at=timezone.now())
    DeliverableFactory(workgroup=workgroup, title="Concepttekst")
    kind = ContactMomentKindFactory(
        name="Wijkschouw", department=DepartmentFactory(name="Openbare Ruimte")
    )
    ContactMomentFactory(council=council, kind=kind)
    return council, chair


@pytest.mark.parametrize(
    "path",
    [
        "/wijkraden/rollen/",
        "/wijkraden/molenwijk/",
        "/werkgroepen/",
        "/werkgroepen/rollen/",
        "/contactmomenten/",
        "/contactmomenten/molenwijk/",
    ],
)
def test_public_pages_have_no_axe_violations(page, live_server, axe, demo, path):
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


def test_chair_declares_a_role_with_errors_shown_then_fixed(page, live_server, axe, demo):
    council, chair = demo
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/wijkraden/molenwijk/rollen/nieuw/")
    axe(page)
    page.get_by_role("radio", name="zelforganisatie").check()
    page.get_by_label("Onderwerp of dossier").fill("Marktplein")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Geldt vanaf").fill(yesterday.isoformat())
    page.get_by_role("button", name="Rolkeuze bekendmaken").click()
    expect(page.locator("#id_start_error")).to_contain_text("vooraf bekendgemaakt")
    expect(page.locator("#id_frameworks_acknowledged_error")).to_contain_text("kaders")
    axe(page)
    page.get_by_label("Geldt vanaf").fill(timezone.localdate().isoformat())
    page.get_by_label("Wij hebben de kaders gelezen", exact=False).check()
    page.get_by_role("button", name="Rolkeuze bekendmaken").click()
    expect(page.get_by_role("status")).to_contain_text("De rolkeuze is bekendgemaakt.")
    expect(page.get_by_role("status")).to_contain_text(
        "De afdeling Wijkzaken en Participatie beantwoordt het uiterlijk op"
    )
    expect(page.get_by_text("Marktplein").first).to_be_visible()
    axe(page)


def test_member_leaves_feedback_on_the_calendar(page, live_server, axe, demo):
    council, _chair = demo
    member = MembershipFactory(council=council, function="lid").person
    login(page, live_server, member.email, PASSWORD)
    page.goto(f"{live_server.url}/contactmomenten/molenwijk/")
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.locator("#id_text_error")).to_be_visible()
    axe(page)
    page.get_by_label("Waarover").select_option(label="Wijkschouw")
    page.get_by_role("radio", name="knelpunt").check()
    page.get_by_label("Uw terugkoppeling of knelpunt").fill("De uitnodiging kwam te laat.")
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.get_by_role("status")).to_contain_text("Bedankt")
    # Who answers and by when, and the way to follow it.
    expect(page.get_by_role("status")).to_contain_text("beantwoordt het uiterlijk op")
    page.get_by_role("link", name="Volg het bij Mijn verzoeken").click()
    expect(page.locator("h1")).to_contain_text("Knelpunt bij Wijkschouw")
    axe(page)


def test_chair_manages_a_meeting_page_without_axe_violations(page, live_server, axe, demo):
    _council, chair = demo
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/werkgroepen/rollen/")
    page.get_by_role("link", name="Agenda, verslag en aanwezigheid beheren").first.click()
    axe(page)
    page.get_by_role("button", name="Verslag publiceren").click()
    axe(page)


def test_chair_pages_my_page_and_deliverable_form_with_errors(page, live_server, axe, demo):
    _council, chair = demo
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/")
    expect(page.get_by_role("heading", name="Mijn werkgroepen")).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/werkgroepen/rollen/")
    page.get_by_role("link", name="Opleveren").first.click()
    page.get_by_role("button", name="Opleveren").click()
    expect(page.locator("#id_text_error")).to_contain_text("tekst of een document")
    axe(page)


def test_officer_sees_bottlenecks_per_department(page, live_server, axe, demo):
    from tests.factories import OfficerFactory

    officer = OfficerFactory()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/contactmomenten/knelpunten/")
    expect(page.locator("h1")).to_have_count(1)
    axe(page)
