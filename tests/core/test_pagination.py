"""Long lists come a page at a time (issue 16): the page links keep the filters, a stale or
mistyped page number never breaks the page, and a page stays small however long the list."""

import datetime
import re

import pytest
from django.test import RequestFactory

from tests.contracts.factories import ProposalFactory, SignedContractFactory
from tests.council.factories import DecisionFactory
from tests.factories import CouncilFactory, DistrictFactory, OfficerFactory
from tests.roles.factories import RoleDeclarationFactory
from tests.toolkit.factories import EntryFactory
from tests.workgroups.factories import ContactMomentKindFactory
from wijkportaal.core.web import paginate, query_with
from workgroups.models import ContactFeedback, FeedbackType

pytestmark = pytest.mark.django_db


def page_of(query: str, items, per_page=10):
    return paginate(RequestFactory().get(f"/lijst/{query}"), items, per_page=per_page)


def test_page_links_keep_every_filter_but_the_page_number():
    page = page_of("?district=noord&q=park&pagina=2", list(range(35)))
    assert page.number == 2 and list(page.object_list) == list(range(10, 20))
    assert page.previous_href == "?district=noord&q=park&pagina=1"
    assert page.next_href == "?district=noord&q=park&pagina=3"
    assert [link.get("number") for link in page.links] == [1, 2, 3, 4]
    assert [link["current"] for link in page.links] == [False, True, False, False]


@pytest.mark.parametrize(
    ("value", "number"),
    [("abc", 1), ("", 1), ("0", 1), ("-3", 1), ("2.5", 1), ("4", 4), ("99", 4), ("9" * 40, 4)],
)
def test_an_invalid_page_number_gives_the_first_or_the_last_page(value, number):
    assert page_of(f"?pagina={value}", list(range(35))).number == number


def test_an_empty_list_is_one_empty_page_without_links():
    page = page_of("?pagina=5", [])
    assert page.number == 1 and not page.has_other_pages()


def test_a_long_list_elides_the_middle_pages():
    page = page_of("?pagina=10", list(range(200)))
    numbers = [link.get("number", "…") for link in page.links]
    assert numbers == [1, "…", 8, 9, 10, 11, 12, "…", 20]


def test_query_with_changes_one_filter_and_goes_back_to_the_first_page():
    request = RequestFactory().get("/toolkit/?district=noord&kind=krant&pagina=3")
    assert query_with(request, district="zuid") == "kind=krant&district=zuid"
    assert query_with(request, district="") == "kind=krant"


def test_the_register_pages_through_wijkraden_and_keeps_the_district(client):
    north = DistrictFactory(name="Noord", slug="noord")
    for index in range(30):
        CouncilFactory(name=f"Wijkraad Noord {index:02}", district=north)
    CouncilFactory(name="Wijkraad Zuidkant", district=DistrictFactory(name="Zuid", slug="zuid"))
    html = client.get("/wijkraden/?district=noord").content.decode()
    assert "30 wijkraden gevonden" in html
    assert "Wijkraad Noord 24" in html and "Wijkraad Noord 25" not in html
    assert "Wijkraad Zuidkant" not in html
    # Utrecht's pagination: a labelled navigation, the current page marked.
    assert '<nav class="utrecht-pagination pagination" aria-label="Paginering">' in html
    assert 'aria-current="page">1</a>' in html
    assert 'href="?district=noord&amp;pagina=2"' in html and ">Volgende</a>" in html
    page_two = client.get("/wijkraden/?district=noord&pagina=2").content.decode()
    assert "Wijkraad Noord 25" in page_two and "Wijkraad Noord 00" not in page_two
    assert "Wijkraad Zuidkant" not in page_two
    assert 'href="?district=noord&amp;pagina=1"' in page_two and ">Vorige</a>" in page_two


@pytest.mark.parametrize("value", ["twee", "0", "-1", "1000", "1e3"])
def test_the_register_answers_any_page_number(client, value):
    for index in range(30):
        CouncilFactory(name=f"Wijkraad {index:02}")
    response = client.get(f"/wijkraden/?pagina={value}")
    assert response.status_code == 200
    assert "30 wijkraden gevonden" in response.content.decode()


def test_a_register_page_stays_small_with_many_wijkraden(client):
    districts = [DistrictFactory() for _ in range(5)]
    for index in range(200):
        CouncilFactory(
            name=f"Wijkraad met een lange naam {index:03}", district=districts[index % 5]
        )
    small = len(client.get("/wijkraden/?pagina=2").content)
    html = client.get("/wijkraden/").content.decode()
    assert "200 wijkraden gevonden" in html
    assert len(re.findall(r'<tr class="utrecht-table__row">', html)) == 1 + 25
    assert len(html.encode()) < 60_000 and abs(len(html.encode()) - small) < 2_000


def make_bottlenecks(count):
    kind = ContactMomentKindFactory()
    council = CouncilFactory()
    author = OfficerFactory()
    for index in range(count):
        ContactFeedback.objects.create(
            kind=kind,
            council=council,
            author=author,
            type=FeedbackType.BOTTLENECK,
            text=f"Knelpunt nummer {index:02}",
        )
    return kind


# Each long list: how to fill it past one page, who looks, and the text of one row.
LISTS = {
    "/wijkraden/rollen/": (
        lambda n: [RoleDeclarationFactory() for _ in range(n)],
        None,
        "rolkeuzes gevonden",
    ),
    "/wijkcontracten/": (
        lambda n: [SignedContractFactory() for _ in range(n)],
        None,
        "Wijkcontract ",
    ),
    "/uitdaagrecht/": (lambda n: ProposalFactory.create_batch(n), None, "Onderhoud van de"),
    "/toolkit/kennis/": (lambda n: EntryFactory.create_batch(n), None, "bijdragen gevonden"),
    "/contactmomenten/knelpunten/": (make_bottlenecks, "officer", "Knelpunt nummer"),
    # Decided ones: the list that grows (the coming ones page with ?komend=).
    "/raad/": (
        lambda n: DecisionFactory.create_batch(n, decision_date=datetime.date(2020, 1, 1)),
        None,
        "Politieke keuze",
    ),
}


@pytest.mark.parametrize("url", list(LISTS))
def test_each_long_list_has_pages(client, url, officer):
    build, who, text = LISTS[url]
    build(60)
    if who == "officer":
        client.force_login(officer)
    first = client.get(url)
    assert first.status_code == 200
    html = first.content.decode()
    assert 'aria-label="Paginering' in html and "pagina=2" in html and text in html
    last = client.get(f"{url}?pagina=3").content.decode()
    assert 'aria-current="page">3</a>' in last and "Volgende" not in last.split("Paginering")[-1]
    assert client.get(f"{url}?pagina=xyz").status_code == 200
