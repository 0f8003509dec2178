import csv
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import CouncilFactory, MembershipFactory
from tests.toolkit.factories import ChannelFactory, ChannelKindFactory, EntryFactory
from toolkit.models import Attachment, Channel, InventoryStatus, KnowHowEntry
from toolkit.validators import MAX_ATTACHMENT_SIZE
from wijkportaal.notifications.models import Notification
from wijkportaal.wijkraden.models import Function

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% demo\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def inventory_url(council):
    return reverse("toolkit:inventory-detail", kwargs={"slug": council.slug})


def valid_post(kind, **extra):
    return {
        "kind": kind.pk,
        "name": "Buurtapp Molenwijk",
        "url": "https://buurtapp.example/molenwijk",
        "audience": "bewoners",
        "frequency": "dagelijks",
        "reach": "210",
        "reach_unit": "leden",
        "reach_measured_on": "2026-10-01",
        "yearly_cost": "0",
        "effort_hours": "5",
        "results": "Snel, maar vraagt moderatie.",
        **extra,
    }


def test_board_updates_inventory_and_the_matrix_changes(client, council, chair):
    kind = ChannelKindFactory(name="WhatsApp", slug="whatsapp")
    client.force_login(chair)
    district = {"district": council.district.slug}
    before = client.get(reverse("toolkit:index"), district).text
    assert "Buurtapp Molenwijk" not in before
    response = client.post(inventory_url(council), valid_post(kind))
    assert response.status_code == 302
    page = client.get(reverse("toolkit:index"), district)
    assert "Buurtapp Molenwijk" in page.text
    assert "210" in page.text
    # The overview counts the wijkraad and its reach in its stadsdeel.
    overview = client.get(reverse("toolkit:index")).text
    assert "1 wijkraad" in overview and "bereik 210" in overview
    kind_page = client.get(reverse("toolkit:channelkind-detail", kwargs={"kind": "whatsapp"}))
    assert council.name in kind_page.text


def test_board_edits_a_channel_and_the_history_keeps_the_old_reach(client, council, chair):
    channel = ChannelFactory(council=council, reach=100)
    client.force_login(chair)
    url = reverse("toolkit:channel-edit", kwargs={"slug": council.slug, "pk": channel.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, valid_post(channel.kind, name=channel.name, reach="150"))
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.reach == 150
    assert list(channel.history.values_list("reach", flat=True)) == [150, 100]


def test_board_deletes_a_channel(client, council, chair):
    channel = ChannelFactory(council=council)
    client.force_login(chair)
    url = reverse("toolkit:channel-delete", kwargs={"slug": council.slug, "pk": channel.pk})
    assert "uit de inventaris halen" in client.get(url).text
    assert client.post(url).status_code == 302
    assert not Channel.objects.filter(pk=channel.pk).exists()


def test_board_confirms_inventory_from_the_page(client, council, chair):
    client.force_login(chair)
    response = client.post(
        reverse("toolkit:inventory-confirm", kwargs={"slug": council.slug}), follow=True
    )
    assert "de inventaris is bevestigd als actueel" in response.text
    assert InventoryStatus.objects.filter(council=council).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "geen link", "Vul een geldig webadres in"),
        ("url", "javascript:alert(1)", "Vul een geldig webadres in"),
        ("reach", "-10", "Het bereik kan niet negatief zijn."),
        ("yearly_cost", "-1", "De kosten kunnen niet negatief zijn."),
        ("effort_hours", "-2", "De inzet kan niet negatief zijn."),
    ],
)
def test_bad_channel_input_shows_dutch_error_beside_the_field_and_saves_nothing(
    client, council, chair, field, value, message
):
    kind = ChannelKindFactory()
    client.force_login(chair)
    response = client.post(inventory_url(council), valid_post(kind, **{field: value}))
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.text
    error_block = response.text.split(f'id="id_{field}_error"', 1)[1][:300]
    assert message in error_block
    assert 'aria-invalid="true"' in response.text
    assert not Channel.objects.exists()
    assert not InventoryStatus.objects.exists()


def test_contact_person_from_another_council_is_refused(client, council, chair, other_chair):
    client.force_login(chair)
    response = client.post(
        inventory_url(council),
        valid_post(ChannelKindFactory(), contact_person=other_chair.pk, contact_opt_in="on"),
    )
    assert response.status_code == 200
    assert 'id="id_contact_person_error"' in response.text
    assert not Channel.objects.exists()


def test_other_council_inventory_is_404_and_posting_saves_nothing(client, council, other_chair):
    client.force_login(other_chair)
    assert client.get(inventory_url(council)).status_code == 404
    assert client.post(inventory_url(council), valid_post(ChannelKindFactory())).status_code == 404
    channel = ChannelFactory(council=council)
    edit = reverse("toolkit:channel-edit", kwargs={"slug": council.slug, "pk": channel.pk})
    assert client.post(edit, valid_post(channel.kind, name="Gekaapt")).status_code == 404
    delete = reverse("toolkit:channel-delete", kwargs={"slug": council.slug, "pk": channel.pk})
    assert client.post(delete).status_code == 404
    assert Channel.objects.get(pk=channel.pk).name != "Gekaapt"
    assert Channel.objects.count() == 1


def test_channel_of_another_council_cannot_be_edited_through_own_inventory(
    client, council, chair, other_council
):
    foreign = ChannelFactory(council=other_council)
    client.force_login(chair)
    url = reverse("toolkit:channel-edit", kwargs={"slug": council.slug, "pk": foreign.pk})
    assert client.get(url).status_code == 404


def test_ordinary_member_cannot_keep_inventory(client, council, member):
    client.force_login(member)
    assert client.get(inventory_url(council)).status_code == 404


def test_officer_opens_a_round_from_the_matrix(client, officer):
    client.force_login(officer)
    assert "Inventarisatieronde openen" in client.get(reverse("toolkit:index")).text
    response = client.post(
        reverse("toolkit:round-create"),
        {"title": "Communicatiemiddelen 2027", "deadline": "2099-01-31", "introduction": ""},
        follow=True,
    )
    assert "Inventarisatieronde loopt: Communicatiemiddelen 2027" in response.text


def test_matrix_filters_by_district_and_kind(client):
    north, south = (
        CouncilFactory(name="Wijkraad Noordpunt"),
        CouncilFactory(name="Wijkraad Zuidpunt"),
    )
    fb, krant = ChannelKindFactory(name="Facebook"), ChannelKindFactory(name="Wijkkrant")
    ChannelFactory(council=north, kind=fb, name="FB Noord")
    ChannelFactory(council=south, kind=krant, name="Krant Zuid")
    page = client.get(reverse("toolkit:index"), {"district": north.district.slug})
    assert "Wijkraad Noordpunt" in page.text and "Wijkraad Zuidpunt" not in page.text
    page = client.get(
        reverse("toolkit:index"), {"kind": krant.slug, "district": south.district.slug}
    )
    assert "Krant Zuid" in page.text and "FB Noord" not in page.text
    page = client.get(
        reverse("toolkit:index"), {"kind": krant.slug, "district": north.district.slug}
    )
    assert "Wijkraad Noordpunt" not in page.text


def test_matrix_table_has_caption_and_scoped_headers(client, council):
    ChannelKindFactory(name="Website")
    page = client.get(reverse("toolkit:index")).text
    assert "<caption" in page
    assert 'scope="col"' in page and 'scope="row"' in page
    assert "Totaal" in page


def test_ask_form_sends_mail_without_showing_the_address(
    client, council, member, other_chair, eager, django_capture_on_commit_callbacks
):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=True)
    url = reverse("toolkit:channel-ask", kwargs={"pk": channel.pk})
    client.force_login(other_chair)
    form = client.get(url)
    assert form.status_code == 200
    assert member.email not in form.text
    kind_page = client.get(channel.kind.get_absolute_url())
    assert member.email not in kind_page.text and url in kind_page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "Hoe werven jullie bezorgers?"}, follow=True)
    assert "Uw vraag is verstuurd" in response.text
    assert member.email not in response.text
    assert [m.to for m in mail.outbox] == [[member.email]]
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, {"message": "Nog een vraag"}, follow=True)
    assert "vandaag al een vraag" in again.text
    assert len(mail.outbox) == 1


def test_ask_form_needs_login(client, council, member):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=True)
    response = client.get(reverse("toolkit:channel-ask", kwargs={"pk": channel.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_ask_someone_who_did_not_opt_in_is_404_and_sends_nothing(
    client, council, member, other_chair
):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=False)
    url = reverse("toolkit:channel-ask", kwargs={"pk": channel.pk})
    client.force_login(other_chair)
    assert client.get(url).status_code == 404
    assert client.post(url, {"message": "Hallo"}).status_code == 404
    assert not Notification.objects.exists()
    kind_page = client.get(channel.kind.get_absolute_url())
    assert url not in kind_page.text


def test_ask_form_without_message_shows_error(client, council, member, other_chair):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=True)
    client.force_login(other_chair)
    response = client.post(reverse("toolkit:channel-ask", kwargs={"pk": channel.pk}), {})
    assert 'id="id_message_error"' in response.text
    assert not Notification.objects.exists()


def entry_post(**extra):
    return {
        "title": "Flyer voor de bewonersavond",
        "kind": "sjabloon",
        "summary": "Een flyer om aan te passen.",
        "body": "## Gebruik\n\nVul datum en plaats in.",
        "tags": "flyer, bewonersavond",
        **extra,
    }


def test_officer_shares_entry_with_pdf_attachment_and_anyone_downloads_it(client, officer):
    client.force_login(officer)
    upload = SimpleUploadedFile("flyer.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("toolkit:entry-create"),
        entry_post(attachment=upload, attachment_title="Flyer (pdf)"),
    )
    assert response.status_code == 302
    entry = KnowHowEntry.objects.get()
    attachment = entry.attachments.get()
    client.logout()
    detail = client.get(entry.get_absolute_url())
    assert "Flyer (pdf)" in detail.text and "<h2>Gebruik</h2>" in detail.text
    download = client.get(attachment.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF
    # The admin links the download view, never /media/.
    client.force_login(officer)
    page = client.get(f"/admin/toolkit/knowhowentry/{entry.pk}/change/").text
    assert f'href="{attachment.get_absolute_url()}"' in page
    assert "/media/" not in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("programma.exe", b"MZ\x90\x00", "Dit bestandstype is niet toegestaan"),
        ("script.html", b"<script>alert(1)</script>", "Dit bestandstype is niet toegestaan"),
        ("nep.pdf", b"MZ\x90\x00 not a pdf", "past niet bij de extensie .pdf"),
        ("groot.png", PNG + b"\x00" * MAX_ATTACHMENT_SIZE, "het mag hoogstens 5,0"),
    ],
)
def test_forbidden_attachment_shows_error_beside_the_field_and_saves_nothing(
    client, officer, name, content, message
):
    client.force_login(officer)
    upload = SimpleUploadedFile(name, content)
    response = client.post(reverse("toolkit:entry-create"), entry_post(attachment=upload))
    assert response.status_code == 200
    assert 'id="id_attachment_error"' in response.text
    error_block = response.text.split('id="id_attachment_error"', 1)[1][:300]
    assert message in error_block
    assert not KnowHowEntry.objects.exists()
    assert not Attachment.objects.exists()


def test_script_and_event_handlers_in_markdown_are_stripped_on_save_and_render(client, officer):
    client.force_login(officer)
    body = (
        "## Tips\n\n<script>alert('x')</script>\n\n"
        '<a href="javascript:alert(1)" onclick="steel()">klik</a> '
        '<p onmouseover="alert(2)">tekst</p><img src=x onerror=alert(3)>'
    )
    response = client.post(reverse("toolkit:entry-create"), entry_post(body=body), follow=True)
    assert "niet-toegestane HTML zijn uit de tekst verwijderd" in response.text
    entry = KnowHowEntry.objects.get()
    for bad in ("<script", "onclick", "onmouseover", "onerror", "javascript:"):
        assert bad not in entry.body
        assert bad not in response.text.split('class="toolkit-body"', 1)[1]
    assert "<h2>Tips</h2>" in response.text


def test_member_without_board_seat_cannot_open_entry_form(client, member):
    client.force_login(member)
    assert client.get(reverse("toolkit:entry-create")).status_code == 404


def test_other_board_cannot_edit_entry(client, council, chair, other_chair):
    entry = EntryFactory(author=chair, council=council)
    client.force_login(other_chair)
    url = reverse("toolkit:entry-edit", kwargs={"slug": entry.slug})
    assert client.get(url).status_code == 404
    assert client.post(url, entry_post(title="Gekaapt")).status_code == 404
    assert KnowHowEntry.objects.get(pk=entry.pk).title == entry.title
    client.force_login(chair)
    assert client.post(url, entry_post(council=council.pk)).status_code == 302
    assert KnowHowEntry.objects.get(pk=entry.pk).title == "Flyer voor de bewonersavond"


def test_know_how_search_and_tag_filter(client, officer):
    client.force_login(officer)
    client.post(reverse("toolkit:entry-create"), entry_post())
    client.post(
        reverse("toolkit:entry-create"),
        entry_post(title="Nieuwsbrief opzetten", tags="e-mail", summary="Stap voor stap"),
    )
    client.logout()
    page = client.get(reverse("toolkit:entry-list"), {"q": "nieuwsbrief"}).text
    assert "Nieuwsbrief opzetten" in page and "Flyer voor de bewonersavond" not in page
    page = client.get(reverse("toolkit:entry-list"), {"tag": "flyer"}).text
    assert "Flyer voor de bewonersavond" in page and "Nieuwsbrief opzetten" not in page


def test_csv_export_parses_and_holds_no_addresses(client, council, member):
    ChannelFactory(
        council=council,
        name="De Koerier, editie Noord",
        contact_person=member,
        contact_opt_in=True,
        results='Zei: "goed"\nnieuwe regel',
    )
    response = client.get(reverse("toolkit:export-csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.getvalue().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["naam"] == "De Koerier, editie Noord"
    assert rows[0]["opbrengst"] == 'Zei: "goed"\nnieuwe regel'
    assert rows[0]["aanspreekpunt_beschikbaar"] == "ja"
    assert rows[0]["kosten_per_jaar_euro"] == "100.00"
    assert member.email not in text


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(client, council):
    ChannelFactory(council=council, name="=HYPERLINK(evil)", results="@SUM(1)", audience="-1+1")
    text = client.get(reverse("toolkit:export-csv")).getvalue().decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["naam"] == "'=HYPERLINK(evil)"
    assert row["opbrengst"] == "'@SUM(1)"
    assert row["doelgroep"] == "'-1+1"
    assert row["inzet_uren_per_maand"] == "4.0"


def test_council_page_shows_channels_without_addresses(client, council, member):
    channel = ChannelFactory(
        council=council, name="Buurtkrant", contact_person=member, contact_opt_in=True
    )
    ChannelFactory(
        council=council, name="Stille groep", contact_person=member, contact_opt_in=False
    )
    page = client.get(council.get_absolute_url()).text
    assert "Communicatiemiddelen" in page and "Buurtkrant" in page and "Stille groep" in page
    assert member.email not in page
    assert reverse("toolkit:channel-ask", kwargs={"pk": channel.pk}) in page
    assert page.count("Vraag het deze wijkraad") == 1


def test_toolkit_action_links_to_the_toolkit():
    from tests.recommendations.factories import ActionItemFactory
    from wijkportaal.core.registry import registry

    action = ActionItemFactory(key="toolkit-communicatie")
    other = ActionItemFactory(key="wijkcontracten")
    links = registry.action_links([action.pk, other.pk])
    assert links[action.pk][0]["url"] == "/toolkit/"
    # Other apps may link the other action; the toolkit does not.
    assert all(link["url"] != "/toolkit/" for link in links.get(other.pk, []))


@pytest.mark.parametrize("size", [3, 9])
def test_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    kinds = [ChannelKindFactory() for _ in range(4)]
    officer_board = None
    for index in range(size):
        council = CouncilFactory()
        officer_board = MembershipFactory(council=council, function=Function.CHAIR).person
        for kind in kinds[: 1 + index % 4]:
            ChannelFactory(council=council, kind=kind)
        EntryFactory().tags.create(name=f"label {index}", slug=f"label-{index}")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("toolkit:index")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(kinds[0].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("toolkit:entry-list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("toolkit:export-csv")).status_code == 200
    client.force_login(officer_board)
    council = officer_board.memberships.get().council
    with django_assert_max_num_queries(16):
        assert client.get(inventory_url(council)).status_code == 200


def test_contact_person_who_left_the_council_can_no_longer_be_asked(client, council, other_chair):
    import datetime

    from django.utils import timezone

    seat = MembershipFactory(council=council, function=Function.MEMBER)
    channel = ChannelFactory(council=council, contact_person=seat.person, contact_opt_in=True)
    seat.end = timezone.localdate() - datetime.timedelta(days=1)
    seat.save()
    client.force_login(other_chair)
    url = reverse("toolkit:channel-ask", kwargs={"pk": channel.pk})
    assert client.get(url).status_code == 404
    assert url not in client.get(channel.kind.get_absolute_url()).text
    assert url not in client.get(council.get_absolute_url()).text


def test_board_finds_its_inventory_from_the_toolkit_page(client, council, chair, member):
    client.force_login(member)
    assert inventory_url(council) not in client.get(reverse("toolkit:index")).text
    client.force_login(chair)
    assert inventory_url(council) in client.get(reverse("toolkit:index")).text


def test_matrix_shows_totals_per_district_and_one_district_at_a_time(client):
    from tests.factories import DistrictFactory

    north = DistrictFactory(name="Noord", slug="noord")
    south = DistrictFactory(name="Zuid", slug="zuid")
    krant = ChannelKindFactory(name="Wijkkrant")
    for index in range(60):
        council = CouncilFactory(name=f"Wijkraad Noord {index:02}", district=north)
        if index % 2:
            ChannelFactory(council=council, kind=krant, name=f"Krant {index:02}", reach=10)
    ChannelFactory(council=CouncilFactory(name="Wijkraad Zuid", district=south), kind=krant)
    overview = client.get(reverse("toolkit:index")).text
    # No wijkraad rows, one row per district with a link into it.
    assert "Wijkraad Noord 01" not in overview and "Krant 01" not in overview
    assert 'href="?district=noord"' in overview and 'href="?district=zuid"' in overview
    assert "30 wijkraden" in overview and "bereik 300" in overview
    district = client.get(reverse("toolkit:index"), {"district": "noord"}).text
    assert "Stadsdeel Noord" in district and "Wijkraad Zuid<" not in district
    assert "Wijkraad Noord 01" in district and "Krant 01" in district
    assert "Wijkraad Noord 50" not in district  # page 3 of the district
    assert 'href="?district=noord&amp;pagina=2"' in district
    page_two = client.get(reverse("toolkit:index"), {"district": "noord", "pagina": "3"}).text
    assert "Wijkraad Noord 50" in page_two
    # The district's totals stay those of the whole district on every page.
    assert "30 wijkraden" in page_two


def test_matrix_overview_stays_small_with_many_wijkraden(client):
    from tests.factories import DistrictFactory

    kinds = [ChannelKindFactory() for _ in range(6)]
    districts = [DistrictFactory() for _ in range(8)]
    for index in range(200):
        council = CouncilFactory(district=districts[index % 8])
        ChannelFactory(council=council, kind=kinds[index % 6])
    assert len(client.get(reverse("toolkit:index")).content) < 40_000
    first = districts[0].slug
    assert len(client.get(reverse("toolkit:index"), {"district": first}).content) < 60_000


@pytest.mark.django_db
def test_a_kind_of_channel_used_by_many_wijkraden_shows_them_a_page_at_a_time(
    client, django_assert_max_num_queries
):
    """The figures count every wijkraad; the table shows 25 a page, so the page stays small in
    a large city (issue 16), and the next page carries the rest."""
    kind = ChannelKindFactory()
    for _ in range(60):
        ChannelFactory(kind=kind, reach=10, results="Werkt goed in onze buurt.")
    url = reverse("toolkit:channelkind-detail", args=[kind.slug])
    with django_assert_max_num_queries(12):
        first = client.get(url)
    assert first.status_code == 200
    assert first.context["council_count"] == 60 and first.context["reach_total"] == 600
    assert len(first.context["channels"]) == 25
    assert len(first.context["experiences"]) == 10
    assert 'aria-current="page"' in first.text and "?pagina=2" in first.text
    last = client.get(f"{url}?pagina=3")
    assert len(last.context["channels"]) == 10
