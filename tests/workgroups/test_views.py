import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar

from recommendations.models import ActionStatus
from tests.factories import CouncilFactory, DepartmentFactory, MembershipFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from tests.workgroups.factories import (
    ContactMomentFactory,
    ContactMomentKindFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.desk.models import Case
from workgroups.models import ContactFeedback, DeliverableStatus, FeedbackType

pytestmark = pytest.mark.django_db


def past(days=3):
    start = timezone.now() - datetime.timedelta(days=days)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}


def test_public_sees_published_items_only_members_see_drafts(client):
    workgroup = WorkgroupFactory(name="Werkgroep rollen", slug="rollen")
    MeetingFactory(workgroup=workgroup, agenda="Geheime conceptagenda")
    MeetingFactory(
        workgroup=workgroup,
        agenda="Openbare agenda",
        agenda_published_at=timezone.now(),
    )
    DeliverableFactory(workgroup=workgroup, title="Conceptproduct")
    DeliverableFactory(
        workgroup=workgroup, title="Gepubliceerd product", published_at=timezone.now()
    )
    page = client.get("/werkgroepen/rollen/").text
    assert "Openbare agenda" in page and "Gepubliceerd product" in page
    assert "Geheime conceptagenda" not in page and "Conceptproduct" not in page
    member = WorkgroupMemberFactory(workgroup=workgroup).person
    client.force_login(member)
    page = client.get("/werkgroepen/rollen/").text
    assert "Geheime conceptagenda" in page and "Conceptproduct" in page
    assert "beheren" not in page  # members do not run meetings


def test_members_are_shown_with_their_organisation(client, council):
    workgroup = WorkgroupFactory(slug="rollen")
    seat = MembershipFactory(council=council, function="voorzitter")
    WorkgroupMemberFactory(workgroup=workgroup, person=seat.person, council=council)
    officer = OfficerFactory(department=DepartmentFactory(name="Openbare Ruimte"))
    WorkgroupMemberFactory(workgroup=workgroup, person=officer, department=officer.department)
    page = client.get("/werkgroepen/rollen/").text
    assert f"{seat.person.display_name} — {council.name}" in page
    assert "afdeling Openbare Ruimte" in page


def test_unknown_workgroup_and_its_ical_are_404(client):
    assert client.get("/werkgroepen/bestaat-niet/").status_code == 404
    assert client.get("/werkgroepen/bestaat-niet/agenda.ics").status_code == 404


def test_workgroup_ical_parses_and_lists_meetings(client):
    workgroup = WorkgroupFactory(slug="rollen")
    MeetingFactory(workgroup=workgroup, title="Startbijeenkomst", place="Stadhuis")
    MeetingFactory(workgroup=workgroup, title="Slot", **past())
    response = client.get("/werkgroepen/rollen/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        f"{workgroup.name}: Slot",
        f"{workgroup.name}: Startbijeenkomst",
    ]
    assert all(e.decoded("dtend") > e.decoded("dtstart") for e in events)


def test_chair_publishes_the_agenda_through_the_page(client):
    meeting = MeetingFactory()
    url = f"/werkgroepen/{meeting.workgroup.slug}/vergaderingen/{meeting.pk}/"
    client.force_login(meeting.workgroup.chair)
    response = client.post(url, {"publish_agenda": "1", "agenda-agenda": "1. Opening"})
    assert response.status_code == 302
    page = client.get(meeting.workgroup.get_absolute_url())
    assert "De agenda is gepubliceerd." in page.text


def test_minutes_on_a_meeting_that_has_not_happened_show_an_error(client):
    meeting = MeetingFactory()
    url = f"/werkgroepen/{meeting.workgroup.slug}/vergaderingen/{meeting.pk}/"
    client.force_login(meeting.workgroup.chair)
    response = client.post(url, {"publish_minutes": "1", "verslag-minutes": "Verslag"})
    assert response.status_code == 200
    error = response.text.split('id="id_verslag-minutes_error"')[1].split("</div>")[0]
    assert "nog niet plaatsgevonden" in error
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_chair_records_minutes_and_attendance(client):
    meeting = MeetingFactory(**past())
    seat = WorkgroupMemberFactory(workgroup=meeting.workgroup)
    url = f"/werkgroepen/{meeting.workgroup.slug}/vergaderingen/{meeting.pk}/"
    client.force_login(meeting.workgroup.chair)
    response = client.post(
        url,
        {
            "publish_minutes": "1",
            "verslag-minutes": "Goed overleg.",
            "verslag-attendees": [seat.pk],
        },
    )
    assert response.status_code == 302
    page = client.get(meeting.workgroup.get_absolute_url()).text
    assert "Goed overleg." in page and seat.person.display_name in page


def test_member_gets_404_on_meeting_management_and_anonymous_goes_to_login(client):
    meeting = MeetingFactory()
    url = f"/werkgroepen/{meeting.workgroup.slug}/vergaderingen/{meeting.pk}/"
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(WorkgroupMemberFactory(workgroup=meeting.workgroup).person)
    assert client.get(url).status_code == 404


def test_chair_completes_deliverable_and_the_action_through_the_page(client):
    action = ActionItemFactory(status=ActionStatus.RUNNING)
    deliverable = DeliverableFactory(action=action)
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    client.force_login(deliverable.workgroup.chair)
    response = client.post(url, {"text": "De handreiking.", "complete_action": "on"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_blocked_action_error_is_shown_and_nothing_saved(client):
    blocker = ActionItemFactory(title="Inventarisatie eerst")
    action = ActionItemFactory()
    action.dependencies.add(blocker)
    deliverable = DeliverableFactory(action=action)
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    client.force_login(deliverable.workgroup.chair)
    response = client.post(url, {"text": "Tekst", "complete_action": "on"})
    assert response.status_code == 200
    assert "Inventarisatie eerst" in response.text
    deliverable.refresh_from_db()
    assert deliverable.status != DeliverableStatus.DONE


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ", "Dit bestandstype is niet toegestaan"),
        ("groot.pdf", b"x" * (10 * 1024 * 1024 + 1), "het mag hoogstens 10,0"),
        ("verslag.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "geen PDF-bestand"),
    ],
)
def test_document_upload_limits(client, name, content, message):
    deliverable = DeliverableFactory()
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    client.force_login(deliverable.workgroup.chair)
    response = client.post(url, {"document": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.text
    deliverable.refresh_from_db()
    assert deliverable.status != DeliverableStatus.DONE


def test_document_upload_is_accepted_and_linked(client):
    deliverable = DeliverableFactory(title="Handreiking")
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    client.force_login(deliverable.workgroup.chair)
    response = client.post(url, {"document": SimpleUploadedFile("handreiking.pdf", b"%PDF-1.4")})
    assert response.status_code == 302
    page = client.get(deliverable.workgroup.get_absolute_url()).text
    assert "Download „Handreiking”" in page


@pytest.mark.parametrize("size", [2, 8])
def test_workgroup_pages_query_count_does_not_grow(client, django_assert_max_num_queries, size):
    workgroup = WorkgroupFactory(slug="rollen")
    for _ in range(size):
        seat = WorkgroupMemberFactory(workgroup=workgroup)
        meeting = MeetingFactory(
            workgroup=workgroup, minutes="x", minutes_published_at=timezone.now(), **past()
        )
        meeting.attendees.add(seat)
        DeliverableFactory(
            workgroup=workgroup, published_at=timezone.now(), action=ActionItemFactory()
        )
        WorkgroupFactory()
    client.force_login(workgroup.chair)
    with django_assert_max_num_queries(16):
        assert client.get("/werkgroepen/rollen/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/werkgroepen/").status_code == 200


def test_contact_overview_groups_kinds_by_department(client, council):
    department = DepartmentFactory(name="Openbare Ruimte")
    ContactMomentKindFactory(
        name="Wijkschouw", department=department, frequency="twee keer per jaar"
    )
    page = client.get("/contactmomenten/").text
    assert "Wijkschouw" in page and "Openbare Ruimte" in page and "twee keer per jaar" in page
    assert f"/contactmomenten/{council.slug}/" in page


@pytest.mark.parametrize("size", [2, 8])
def test_contact_pages_query_count_does_not_grow(
    client, council, member, django_assert_max_num_queries, size
):
    for _ in range(size):
        ContactMomentFactory(council=council)
        ContactMomentFactory(council=council, **past())
    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert client.get("/contactmomenten/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(f"/contactmomenten/{council.slug}/").status_code == 200


def test_council_calendar_and_ical(client, council):
    ContactMomentFactory(council=council, kind__name="Wijkschouw", place="Buurthuis De Molen")
    ContactMomentFactory(kind__name="Anderswijk")
    page = client.get(f"/contactmomenten/{council.slug}/").text
    assert "Buurthuis De Molen" in page and "Anderswijk" not in page
    response = client.get(f"/contactmomenten/{council.slug}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["location"]) for e in events] == ["Buurthuis De Molen"]
    assert client.get("/contactmomenten/bestaat-niet/agenda.ics").status_code == 404


def test_member_leaves_feedback_and_officer_sees_bottlenecks(client, council, member, officer):
    moment = ContactMomentFactory(council=council)
    client.force_login(member)
    form_page = client.get(f"/contactmomenten/{council.slug}/").text
    assert "beantwoordt een terugkoppeling binnen 15 werkdagen" in form_page
    assert "een knelpunt binnen 10 werkdagen" in form_page
    response = client.post(
        f"/contactmomenten/{council.slug}/",
        {"about": f"moment:{moment.pk}", "type": "knelpunt", "text": "Te laat uitgenodigd."},
    )
    assert response.status_code == 302
    assert ContactFeedback.objects.get().type == FeedbackType.BOTTLENECK
    # The confirmation says who answers, by when, and links to the case.
    case = Case.objects.get()
    page = client.get(response.url).text
    assert f"De afdeling {moment.kind.department.name} beantwoordt het uiterlijk op" in page
    assert date_format(case.answer_by, "l j F Y") in page
    assert f'href="/mijn/verzoeken/{case.pk}/"' in page
    assert client.get("/contactmomenten/knelpunten/").status_code == 404
    client.force_login(officer)
    page = client.get("/contactmomenten/knelpunten/").text
    assert "Te laat uitgenodigd." in page and moment.kind.department.name in page
    # Each bottleneck links to its case at the desk, with its status.
    assert f'href="/admin/desk/case/{case.pk}/change/"' in page and "ontvangen" in page


def test_feedback_without_text_shows_an_error(client, council, member):
    kind = ContactMomentKindFactory()
    client.force_login(member)
    response = client.post(
        f"/contactmomenten/{council.slug}/", {"about": f"soort:{kind.pk}", "type": "terugkoppeling"}
    )
    assert response.status_code == 200
    assert 'id="id_text_error"' in response.text
    assert not ContactFeedback.objects.exists()


def test_other_councils_member_cannot_post_feedback(client, council, other_chair):
    kind = ContactMomentKindFactory()
    client.force_login(other_chair)
    response = client.post(
        f"/contactmomenten/{council.slug}/",
        {"about": f"soort:{kind.pk}", "type": "knelpunt", "text": "x"},
    )
    assert response.status_code == 404
    assert not ContactFeedback.objects.exists()


def test_council_page_shows_upcoming_contact_moments(client, council):
    ContactMomentFactory(council=council, kind__name="Stadsdeeloverleg")
    page = client.get(council.get_absolute_url()).text
    assert "Komende contactmomenten" in page and "Stadsdeeloverleg" in page


def test_action_links_name_the_workgroup_and_published_deliverables():
    from wijkportaal.core.registry import registry

    action = ActionItemFactory()
    workgroup = WorkgroupFactory(name="Werkgroep rollen")
    workgroup.actions.add(action)
    DeliverableFactory(
        workgroup=workgroup, action=action, title="Handreiking", published_at=timezone.now()
    )
    DeliverableFactory(workgroup=workgroup, action=action, title="Concept")
    links = registry.action_links([action.pk])[action.pk]
    labels = [link["label"] for link in links]
    assert "Werkgroep: Werkgroep rollen" in labels
    assert any("Handreiking" in label for label in labels)
    assert not any("Concept" in label for label in labels)


def test_my_page_lists_my_workgroups_with_the_next_meeting(client):
    seat = WorkgroupMemberFactory(workgroup__name="Werkgroep contactmomenten")
    MeetingFactory(workgroup=seat.workgroup, place="Stadsdeelkantoor Oost")
    client.force_login(seat.person)
    page = client.get("/mijn/").text
    assert "Mijn werkgroepen" in page
    assert "Werkgroep contactmomenten" in page and "Stadsdeelkantoor Oost" in page
    client.force_login(OfficerFactory())
    assert "Mijn werkgroepen" not in client.get("/mijn/").text


def test_contact_overview_counts_each_figure_once_and_pages_the_wijkraden(client, council, member):
    """Upcoming moments and bottlenecks are counted separately (one join over both would
    multiply them: 3 × 2 = 6 each), and the list of wijkraden' agendas is paged so the page
    stays small in a large city (issue 16)."""
    from workgroups.models import ContactFeedback, FeedbackType
    from workgroups.selectors import contact_overview

    kind = ContactMomentKindFactory(name="Wijkschouw")
    for _ in range(3):
        ContactMomentFactory(kind=kind, council=council)
    for _ in range(2):
        ContactFeedback.objects.create(
            kind=kind, council=council, author=member, type=FeedbackType.BOTTLENECK, text="x"
        )
    kinds, _ = contact_overview()
    (shown,) = [k for k in kinds if k.pk == kind.pk]
    assert (shown.upcoming, shown.bottlenecks) == (3, 2)

    for _ in range(70):
        CouncilFactory()
    first = client.get("/contactmomenten/")
    assert len(first.context["councils"]) == 60 and "?pagina=2" in first.text
    assert len(client.get("/contactmomenten/?pagina=2").context["councils"]) == 11
