"""The desk's journey for a support request, in the browser: wijkraad@ (chair) asks for support
and gets a receipt; ambtenaar@ of the owning department gets the new-case mail, finds the
case at the top of /admin/, takes it and answers; the chair gets the answer mail and reads it
on /mijn/verzoeken/; wijkraad2@ of another wijkraad gets 404. axe passes on every page."""

import pytest
from playwright.sync_api import expect

from contracts.ondersteuning.models import SupportRequest
from tests.browser.conftest import login
from tests.contracts.factories import OfferFactory
from tests.factories import (
    PASSWORD,
    DepartmentFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Hulp bij de bewonersavond over de Lanen"
ANSWER = "Welzijn Noord-West stuurt een opbouwwerker; zij belt u deze week voor een afspraak."


@pytest.fixture
def people():
    department = DepartmentFactory(
        slug="wijkzaken-en-participatie",
        name="Wijkzaken en Participatie",
        email="wijkzaken@gemeente.test",
    )
    # Another department's kinds may need their owners too.
    DepartmentFactory(slug="maatschappelijke-ontwikkeling", name="Maatschappelijke Ontwikkeling")
    officer = OfficerFactory(
        department=department, email="ambtenaar@example.test", first_name="Arjen"
    )
    chair = UserFactory(email="wijkraad@example.test", first_name="Wim", last_name="Wijkraad")
    council = MembershipFactory(person=chair, function="voorzitter").council
    other = UserFactory(email="wijkraad2@example.test", first_name="Wendy")
    MembershipFactory(person=other, function="lid")
    OfferFactory(title="Opbouwwerk in Noord en West", kind="opbouwwerk")
    return officer, chair, council, other


def mails(kind, user):
    return Notification.objects.filter(kind=kind, recipient=user)


def test_a_support_request_reaches_the_officer_and_the_answer_reaches_the_chair(
    page, live_server, axe, people
):
    officer, chair, council, other = people

    # The chair asks for support.
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/ondersteuning/aanvragen/")
    expect(page.get_by_text("binnen 10 werkdagen")).to_be_visible()
    axe(page)
    page.get_by_label("Ondersteuning").select_option(label="Opbouwwerk in Noord en West")
    page.get_by_label("Onderwerp").fill(SUBJECT)
    page.get_by_label("Uw vraag").fill("Kan een opbouwwerker helpen de avond voor te bereiden?")
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.locator("h1")).to_have_text(SUBJECT)
    expect(page.get_by_text("De afdeling Wijkzaken en Participatie beantwoordt")).to_be_visible()
    expect(page.get_by_role("link", name="Volg dit verzoek bij Mijn verzoeken")).to_be_visible()
    axe(page)
    case = Case.objects.get()
    assert mails(desk.RECEIPT, chair).count() == 1

    # The department's officer has the new-case mail and finds the case on top of /admin/.
    assert mails(desk.NEW_CASE, officer).count() == 1
    page.context.clear_cookies()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    department_table = page.get_by_role("table", name="Mijn afdeling", exact=False)
    expect(department_table.locator("tbody tr").first.get_by_role("link")).to_have_text(SUBJECT)
    axe(page)
    department_table.get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_role("heading", name="Toewijzen")).to_be_visible()
    axe(page)
    page.get_by_label("Toewijzen aan").select_option(label=str(officer))
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text("Het verzoek is toegewezen.")).to_be_visible()
    axe(page)
    page.get_by_label("Antwoord", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Het antwoord is verstuurd")).to_be_visible()
    axe(page)
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED and case.assignee == officer
    # The request itself shows the answer given at the desk.
    assert SupportRequest.objects.get().answer == ANSWER

    # The chair has the answer mail, once, and reads the answer on /mijn/verzoeken/.
    assert mails(desk.ANSWER_OWN, chair).count() == 1
    page.context.clear_cookies()
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/verzoeken/")
    expect(page.get_by_role("link", name=SUBJECT)).to_be_visible()
    axe(page)
    page.get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    axe(page)

    # A member of another wijkraad finds nothing.
    page.context.clear_cookies()
    login(page, live_server, other.email, PASSWORD)
    response = page.goto(f"{live_server.url}/mijn/verzoeken/{case.pk}/")
    assert response.status == 404
    response = page.goto(f"{live_server.url}/ondersteuning/aanvragen/{case.object_id}/")
    assert response.status == 404
