"""The desk's pages: /mijn/verzoeken/, the case page, /mijn/, the admin's worklist and case
page with its steps, the routes, and the public answer times."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from tests.desk.factories import TEST_KIND, CaseFactory
from tests.factories import MembershipFactory, OfficerFactory, UserFactory
from wijkportaal.desk import selectors, services
from wijkportaal.desk.digest import answers_section
from wijkportaal.desk.models import Case, CaseRoute, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def open_case(council, submitted_by, title="Bankje bij de speeltuin", **extra):
    return services.case_open(
        kind=TEST_KIND, title=title, council=council, submitted_by=submitted_by, **extra
    )


# --- The wijkraad's pages --------------------------------------------------------------------


def test_a_board_member_sees_every_case_of_the_wijkraad_with_owner_and_date(
    client, case_kind, council, chair, member
):
    open_case(council, chair, title="Verzoek van de voorzitter")
    open_case(council, member, title="Verzoek van een lid")
    client.force_login(chair)

    page = client.get("/mijn/verzoeken/").content.decode()

    assert "Verzoek van de voorzitter" in page and "Verzoek van een lid" in page
    assert "Wijkzaken" in page and "ontvangen" in page


def test_a_member_sees_own_and_public_cases_but_not_the_boards_private_ones(
    client, case_kind, council, chair, member, other_chair
):
    open_case(council, chair, title="Besloten verzoek")
    open_case(council, chair, title="Openbaar verzoek", public=True)
    open_case(council, member, title="Mijn eigen verzoek")
    client.force_login(member)

    page = client.get("/mijn/verzoeken/").content.decode()

    assert "Openbaar verzoek" in page and "Mijn eigen verzoek" in page
    assert "Besloten verzoek" not in page
    client.force_login(other_chair)
    assert "Openbaar verzoek" not in client.get("/mijn/verzoeken/").content.decode()


def test_the_case_page_shows_the_answer_and_the_history_but_not_internal_reminders(
    client, case_kind, council, chair, dept_officer
):
    case = open_case(council, chair)
    services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)
    services.cases_remind(cases=[Case.objects.get()], now=timezone.now())
    services.case_answer(actor=dept_officer, case=case, text="Het bankje komt.", public=False)
    client.force_login(chair)

    page = client.get(f"/mijn/verzoeken/{case.pk}/").content.decode()

    assert "Het bankje komt." in page and "Binnen de termijn." in page
    assert "toegewezen" in page and "beantwoord" in page
    assert "herinnering" not in page


def test_an_open_case_page_says_who_answers_and_by_when(client, case_kind, council, chair):
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        case = open_case(council, chair)
        client.force_login(chair)
        page = client.get(f"/mijn/verzoeken/{case.pk}/").content.decode()
    assert (
        "De afdeling Wijkzaken beantwoordt dit verzoek uiterlijk op dinsdag 29 december 2026"
        in (page)
    )


def test_my_page_links_to_my_cases_and_shows_new_answers(
    client, case_kind, council, chair, dept_officer
):
    case = open_case(council, chair, title="Lantaarnpaal kapot")
    open_case(council, chair, title="Nog open")
    services.case_answer(actor=dept_officer, case=case, text="Gemaakt.", public=True)
    client.force_login(chair)

    page = client.get("/mijn/").content.decode()

    assert "Mijn verzoeken" in page and "/mijn/verzoeken/" in page
    assert "Lantaarnpaal kapot" in page and "1 verzoek wacht nog op antwoord." in page


# --- The officers' pages ---------------------------------------------------------------------


def test_the_admin_front_page_shows_my_worklist_and_my_department_overdue_first(
    client, case_kind, council, chair, department, dept_officer
):
    today = timezone.localdate()
    CaseFactory(
        title="Op tijd", department=department, answer_by=today + datetime.timedelta(days=5)
    )
    CaseFactory(
        title="Te laat", department=department, answer_by=today - datetime.timedelta(days=2)
    )
    CaseFactory(
        title="Van mij",
        department=department,
        assignee=dept_officer,
        status=CaseStatus.IN_PROGRESS,
    )
    CaseFactory(title="Andere afdeling")
    client.force_login(dept_officer)

    page = client.get("/admin/").content.decode()

    assert "Mijn werkvoorraad (1)" in page and "Van mij" in page
    assert "Mijn afdeling: Wijkzaken" in page
    assert page.index("Te laat") < page.index("Op tijd")
    assert "Andere afdeling" not in page
    # The progress dashboard and the app list are still there.
    assert 'id="voortgang-dashboard"' in page and "app-desk" in page


def test_the_front_page_shows_the_first_fifteen_of_a_long_worklist_with_a_link_to_all(
    client, case_kind, department, dept_officer
):
    today = timezone.localdate()
    for day in range(20):
        CaseFactory(
            title=f"Verzoek {day:02d}",
            department=department,
            answer_by=today + datetime.timedelta(days=day),
        )
    client.force_login(dept_officer)

    page = client.get("/admin/").content.decode()

    assert "nog zonder behandelaar (20)" in page
    assert "Verzoek 00" in page and "Verzoek 14" in page  # the most urgent first
    assert "Verzoek 15" not in page
    first = Case.objects.get(title="Verzoek 00")
    assert f'href="/admin/desk/case/{first.pk}/change/"' in page
    assert 'href="/admin/desk/case/?mijn=afdeling">De eerste 15 staan hier' in page


def test_the_kept_front_page_follows_every_change_and_each_officer_sees_their_own(
    client, case_kind, council, chair, department, other_department, dept_officer
):
    """The worklist and the progress part are kept rendered between requests; a new case, an
    assignment and an answer show at once, and officers of two departments never see each
    other's list."""
    colleague = OfficerFactory(department=department)
    elsewhere = OfficerFactory(department=other_department)
    client.force_login(dept_officer)
    assert "Mijn werkvoorraad (0)" in client.get("/admin/").content.decode()

    case = open_case(council, chair, title="Lantaarnpaal kapot")
    page = client.get("/admin/").content.decode()
    assert "Lantaarnpaal kapot" in page and "Mijn werkvoorraad (0)" in page

    services.case_assign(actor=dept_officer, case=case, assignee=dept_officer)
    assert "Mijn werkvoorraad (1)" in client.get("/admin/").content.decode()

    client.force_login(colleague)  # same department, not their case
    page = client.get("/admin/").content.decode()
    assert "Mijn werkvoorraad (0)" in page and "Lantaarnpaal kapot" not in page
    client.force_login(elsewhere)
    page = client.get("/admin/").content.decode()
    assert "Mijn afdeling: Openbare Ruimte" in page and "Lantaarnpaal kapot" not in page

    services.case_answer(actor=dept_officer, case=case, text="Gerepareerd.", public=True)
    client.force_login(dept_officer)
    page = client.get("/admin/").content.decode()
    assert "Mijn werkvoorraad (0)" in page and "Lantaarnpaal kapot" not in page


def test_the_worklist_counts_per_kind(case_kind, department, dept_officer):
    today = timezone.localdate()
    CaseFactory(department=department, answer_by=today - datetime.timedelta(days=1))
    CaseFactory(department=department, assignee=dept_officer)
    CaseFactory(
        department=department,
        status=CaseStatus.ANSWERED,
        answered_at=timezone.now(),
        answer="Ja",
        working_days_to_answer=1,
    )

    data = selectors.worklist(dept_officer)

    assert data["kinds"] == [
        {"kind": TEST_KIND, "label": "Testverzoek", "mine": 1, "department": 1, "overdue": 1}
    ]
    assert (data["mine_total"], data["department_total"], data["overdue_total"]) == (1, 1, 1)


def test_an_officer_answers_from_the_case_page(client, case_kind, council, chair, dept_officer):
    case = open_case(council, chair)
    client.force_login(dept_officer)

    page = client.get(f"/admin/desk/case/{case.pk}/change/").content.decode()
    assert "Antwoord versturen" in page and "Doorsturen" in page and "Toewijzen" in page

    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/beantwoorden/",
        {"beantwoorden-text": "Het bankje komt in maart.", "beantwoorden-visibility": "openbaar"},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED and case.answer_public is True
    assert Notification.objects.filter(kind=services.ANSWER_OWN, recipient=chair).exists()


def test_an_empty_answer_on_the_case_page_gives_a_dutch_error_not_a_500(
    client, case_kind, council, chair, dept_officer
):
    case = open_case(council, chair)
    client.force_login(dept_officer)

    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/beantwoorden/",
        {"beantwoorden-text": "   ", "beantwoorden-visibility": "wijkraad"},
    )

    assert response.status_code == 200
    assert "Schrijf een antwoord." in response.content.decode()
    assert Case.objects.get().status == CaseStatus.RECEIVED


def test_assigning_a_non_officer_on_the_case_page_is_refused_in_dutch(
    client, case_kind, council, chair, dept_officer
):
    case = open_case(council, chair)
    client.force_login(dept_officer)

    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/toewijzen/", {"toewijzen-assignee": chair.pk}
    )

    assert response.status_code == 200
    assert "Kies een ambtenaar van de afdeling uit de lijst." in response.content.decode()
    assert Case.objects.get().assignee is None


def test_forwarding_from_the_case_page(
    client, case_kind, council, chair, dept_officer, other_department
):
    case = open_case(council, chair)
    client.force_login(dept_officer)

    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/doorsturen/",
        {"doorsturen-department": other_department.pk, "doorsturen-reason": "Gaat over groen."},
    )

    assert response.status_code == 302
    assert Case.objects.get().department == other_department


def test_an_officer_of_another_department_sees_the_case_without_steps(
    client, case_kind, council, chair
):
    case = open_case(council, chair)
    client.force_login(OfficerFactory())

    page = client.get(f"/admin/desk/case/{case.pk}/change/").content.decode()

    assert "behandelen doen de ambtenaren van de afdeling Wijkzaken" in page
    assert "Antwoord versturen" not in page
    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/afhandelen/", {"afhandelen-reason": "Weg ermee."}
    )
    assert response.status_code == 403
    assert Case.objects.get().status == CaseStatus.RECEIVED


def test_an_administrator_routes_a_kind_to_another_department(
    client, case_kind, administrator, other_department, council, chair
):
    client.force_login(administrator)

    response = client.post(
        "/admin/desk/caseroute/add/",
        {"kind": TEST_KIND, "topic": "", "department": other_department.pk},
    )

    assert response.status_code == 302
    assert CaseRoute.objects.get().department == other_department
    assert open_case(council, chair).department == other_department


# --- The public answer times -----------------------------------------------------------------


def _answered(department, *, received_days_ago, working_days, in_term, **extra):
    received = timezone.now() - datetime.timedelta(days=received_days_ago)
    return CaseFactory(
        department=department,
        received_at=received,
        status=CaseStatus.ANSWERED,
        answered_at=received + datetime.timedelta(days=working_days),
        answer="Geheim antwoord",
        working_days_to_answer=working_days,
        answered_in_term=in_term,
        **extra,
    )


def test_the_answer_times_count_per_department_and_kind_over_twelve_months(
    case_kind, department, other_department
):
    today = timezone.localdate()
    _answered(department, received_days_ago=40, working_days=4, in_term=True)
    _answered(department, received_days_ago=50, working_days=8, in_term=True)
    _answered(department, received_days_ago=60, working_days=15, in_term=False)
    _answered(department, received_days_ago=400, working_days=30, in_term=False)  # too old
    CaseFactory(department=department, answer_by=today - datetime.timedelta(days=1))  # overdue
    CaseFactory(department=department, answer_by=today + datetime.timedelta(days=3))  # open
    CaseFactory(department=other_department, title="Geheime titel")

    figures = selectors.response_times()

    wijkzaken = next(row for row in figures["departments"] if row["slug"] == "wijkzaken")
    assert {key: wijkzaken[key] for key in wijkzaken if key not in ("kinds",)} == {
        "department": "Wijkzaken",
        "slug": "wijkzaken",
        "received": 5,
        "answered": 3,
        "answered_in_term": 2,
        "answered_in_term_pct": 50,  # 2 of the 3 answered and the 1 overdue
        "median_working_days": 8,
        "open": 2,
        "overdue": 1,
    }
    assert [row["kind"] for row in wijkzaken["kinds"]] == [TEST_KIND]
    assert figures["kinds"][0]["label"] == "Testverzoek" and figures["kinds"][0]["received"] == 6
    assert figures["total"]["received"] == 6 and figures["total"]["open"] == 3
    assert "Geheim" not in str(figures)


def test_the_answer_times_window_starts_at_local_midnight_a_year_ago(case_kind, department):
    """The twelve months are calendar days in Amsterdam: a case received just after local
    midnight on the window's first day counts, one received a minute before it does not."""
    with time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        first_day = datetime.datetime(2025, 12, 15, 0, 0, tzinfo=AMS)  # 365 days back + 1
        _answered(department, received_days_ago=5, working_days=2, in_term=True)
        CaseFactory(department=department, received_at=first_day + datetime.timedelta(minutes=1))
        CaseFactory(department=department, received_at=first_day - datetime.timedelta(minutes=1))

        figures = selectors.response_times()

    assert figures["period"]["from"] == "2025-12-15"
    assert figures["total"]["received"] == 2  # the one answered today and the first-day one


def test_the_answer_times_page_shows_numbers_only(client, case_kind, department):
    _answered(department, received_days_ago=10, working_days=3, in_term=True, title="Geheim")

    page = client.get("/voortgang/reactietijd/").content.decode()

    assert "Reactietijd van de gemeente" in page and "Wijkzaken" in page
    assert "100%" in page and "<svg" in page and "Geheim" not in page


def test_the_answer_times_page_without_cases(client):
    page = client.get("/voortgang/reactietijd/").content.decode()
    assert "nog geen verzoeken ontvangen" in page


# --- The mail language -----------------------------------------------------------------------


def test_the_language_switch_stores_the_language_for_a_logged_in_user(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"


def test_the_language_switch_still_works_for_anonymous_visitors(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"


def test_the_board_gets_answers_to_the_wijkraads_cases_in_the_digest(
    case_kind, council, chair, member, dept_officer
):
    secretary = MembershipFactory(council=council, function="secretaris").person
    case = open_case(council, member, title="Speeltuin")
    services.case_answer(actor=dept_officer, case=case, text="Komt eraan.", public=False)
    since = timezone.now() - datetime.timedelta(days=1)
    users = [chair, member, secretary, dept_officer]

    items = answers_section(users, dict.fromkeys([u.pk for u in users], since), timezone.now())

    assert set(items) == {chair.pk, member.pk, secretary.pk}
    item = items[member.pk][0]
    assert (item.title, item.text, item.url) == (
        "Speeltuin",
        "Komt eraan.",
        f"/mijn/verzoeken/{case.pk}/",
    )


def test_my_requests_come_a_page_at_a_time_per_list(client, case_kind, council, chair):
    for index in range(30):
        CaseFactory(
            council=council,
            title=f"Beantwoord verzoek {index:02}",
            status=CaseStatus.ANSWERED,
            answered_at=timezone.now(),
            answer="Antwoord",
            working_days_to_answer=3,
            answered_in_term=True,
            received_at=timezone.now() - datetime.timedelta(days=100 - index),
        )
    CaseFactory(council=council, title="Lopend verzoek")
    client.force_login(chair)
    html = client.get("/mijn/verzoeken/").content.decode()
    assert "Beantwoord of afgehandeld (30)" in html and "Lopend (1)" in html
    assert "Beantwoord verzoek 29" in html and "Beantwoord verzoek 04" not in html
    assert 'aria-label="Paginering beantwoorde verzoeken"' in html
    page_two = client.get("/mijn/verzoeken/?lopend=1&pagina=2").content.decode()
    assert "Beantwoord verzoek 04" in page_two and "Lopend verzoek" in page_two
    assert 'href="?lopend=1&amp;pagina=1"' in page_two
