"""Search at /zoeken/: every kind of content is found, grouped by kind; drafts only for those
who may see them; empty and too long queries get a message; a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contracts.wijkcontracten.models import ContractStatus
from tests.contracts.factories import ContractFactory, ProposalFactory, SignedContractFactory
from tests.council.factories import DecisionFactory
from tests.factories import CouncilFactory
from tests.pg import requires_postgres
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from tests.toolkit.factories import EntryFactory
from tests.training.factories import ModuleFactory, SessionFactory
from tests.workgroups.factories import (
    DeliverableFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.core.search import PAGE_SIZE, matching, snippet
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

WORD = "zonnebloem"


def search(client, query, **params):
    return client.get("/zoeken/", {"q": query, **params})


def result_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(
        r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="[^"]*">([^<]*)</a>', html
    )


def group_headings(response) -> list[str]:
    return re.findall(
        r'<h2 class="utrecht-heading-2" id="zoek-[^"]*">([^<]*)</h2>', response.content.decode()
    )


def make_one_of_each(n: int = 0) -> dict:
    """One public item of every kind whose title holds WORD."""
    council = CouncilFactory(name=f"Wijkraad Zonnebloem {n}", slug=f"zonnebloem-{n}")
    module = ModuleFactory(title=f"Module Zonnebloem {n}")
    workgroup = WorkgroupFactory(name=f"Werkgroep Zonnebloem {n}")
    return {
        "recommendation": RecommendationFactory(number=n % 10 + 1, title=f"Zonnebloem {n}"),
        "action": ActionItemFactory(title=f"Actie Zonnebloem {n}"),
        "council": council,
        "workgroup": workgroup,
        "deliverable": DeliverableFactory(
            workgroup=workgroup, title=f"Opbrengst Zonnebloem {n}", published_at=timezone.now()
        ),
        "module": module,
        "session": SessionFactory(module=module),
        "entry": EntryFactory(title=f"Handleiding Zonnebloem {n}"),
        "contract": SignedContractFactory(council=council, title=f"Contract Zonnebloem {n}"),
        "proposal": ProposalFactory(council=council, task=f"Zonnebloemperk {n} onderhouden"),
        "decision": DecisionFactory(title=f"Besluit Zonnebloem {n}"),
    }


@pytest.mark.django_db
def test_every_kind_is_found_grouped_with_a_link(client):
    items = make_one_of_each()

    response = search(client, WORD)

    assert response.status_code == 200
    assert group_headings(response) == [
        "Aanbevelingen",
        "Acties",
        "Wijkraden",
        "Werkgroepen",
        "Opbrengsten van werkgroepen",
        "Scholingsmodules",
        "Scholingsbijeenkomsten",
        "Kennisbank communicatie",
        "Wijkcontracten",
        "Voorstellen uitdaagrecht",
        "Raadsbesluiten",
    ]
    html = response.content.decode()
    for key in ("action", "council", "workgroup", "module", "session", "entry", "contract"):
        assert items[key].get_absolute_url() in html, key
    assert items["recommendation"].get_absolute_url() in html
    assert items["proposal"].get_absolute_url() in html
    assert items["decision"].get_absolute_url() in html
    assert items["deliverable"].get_absolute_url() in html
    assert "11 resultaten gevonden" in html
    assert "<title>Zoeken naar “zonnebloem” — Wijkportaal" in html


@pytest.mark.django_db
def test_a_result_shows_a_snippet_around_the_words_found(client):
    RecommendationFactory(
        number=3,
        title="Inwerken en scholing",
        summary="Begin " + "lange inleiding " * 40 + "over de zonnebloem in het park.",
    )

    html = search(client, WORD).content.decode()

    assert "over de zonnebloem in het park." in html
    assert "… " in html


@pytest.mark.django_db
def test_a_draft_deliverable_only_for_its_workgroup_and_officers(
    client, officer, resident_user, member
):
    workgroup = WorkgroupFactory()
    WorkgroupMemberFactory(workgroup=workgroup, person=member)
    DeliverableFactory(workgroup=workgroup, title="Concept zonnebloemplan", published_at=None)

    assert "Concept zonnebloemplan" not in result_titles(search(client, WORD))
    client.force_login(resident_user)
    assert "Concept zonnebloemplan" not in result_titles(search(client, WORD))
    client.force_login(member)
    assert "Concept zonnebloemplan" in result_titles(search(client, WORD))
    client.force_login(officer)
    assert "Concept zonnebloemplan" in result_titles(search(client, WORD))


@pytest.mark.django_db
def test_a_requested_contract_only_for_its_board_and_officers(
    client, council, chair, other_chair, officer
):
    ContractFactory(council=council, title="Zonnebloemcontract", status=ContractStatus.REQUESTED)
    title = f"Zonnebloemcontract ({council.name})"

    assert title not in result_titles(search(client, WORD))
    client.force_login(other_chair)
    assert title not in result_titles(search(client, WORD))
    client.force_login(chair)
    assert title in result_titles(search(client, WORD))
    client.force_login(officer)
    assert title in result_titles(search(client, WORD))


@pytest.mark.django_db
def test_unverified_proposals_and_inactive_wijkraden_are_not_found(client, officer):
    ProposalFactory(task="Zonnebloemen planten", verified_at=None)
    CouncilFactory(name="Zonnebloemwijk", active=False)
    client.force_login(officer)

    response = search(client, WORD)

    assert result_titles(response) == []
    assert "0 resultaten gevonden" in response.content.decode()


@pytest.mark.django_db
def test_no_query_shows_only_the_box(client):
    response = client.get("/zoeken/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html
    assert "resultaten gevonden" not in html
    assert "Vul een zoekterm in." not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_gets_a_message(client, query):
    response = search(client, query)

    assert response.status_code == 200
    assert "Vul een zoekterm in." in response.content.decode()


@pytest.mark.django_db
def test_a_too_long_query_gets_a_message(client):
    response = search(client, "zonnebloem " * 30)

    assert response.status_code == 200
    assert "Uw zoekterm is te lang: gebruik hoogstens 200 tekens." in response.content.decode()


@pytest.mark.django_db
def test_hostile_input_is_no_error(client):
    for query in ["a\x00b", "'; DROP TABLE x; --", "<script>alert(1)</script>", "%_*", "& | ! :*"]:
        response = search(client, query)
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_results_are_paginated(client):
    for n in range(PAGE_SIZE + 5):
        EntryFactory(title=f"Zonnebloem {n:02d}")

    first = search(client, WORD)
    second = search(client, WORD, pagina=2)

    assert len(result_titles(first)) == PAGE_SIZE
    assert len(result_titles(second)) == 5
    assert "25 resultaten gevonden" in first.content.decode()
    assert 'rel="next" href="?q=zonnebloem&amp;pagina=2"' in first.content.decode()
    assert 'aria-current="page"' in second.content.decode()
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    # A page beyond the last shows the last.
    assert result_titles(search(client, WORD, pagina=99)) == result_titles(second)


@pytest.mark.django_db
def test_the_header_has_a_search_field(client):
    html = client.get("/").content.decode()

    assert 'role="search"' in html
    assert 'action="/zoeken/"' in html
    assert '<label class="utrecht-form-label visually-hidden" for="site-search-q">' in html


def _queries_for_search(client) -> int:
    search(client, WORD)  # the first request after a login also saves the session
    with CaptureQueriesContext(connection) as context:
        response = search(client, WORD)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_results(client, officer):
    make_one_of_each(0)
    client.force_login(officer)
    small = _queries_for_search(client)

    for n in range(1, 6):
        make_one_of_each(n)
    large = _queries_for_search(client)

    found = re.search(r"(\d+) resultaten gevonden", search(client, WORD).content.decode())
    assert int(found.group(1)) > 10 * 5
    assert small == large


@pytest.mark.django_db
def test_query_count_constant_for_anonymous_too(client):
    make_one_of_each(0)
    small = _queries_for_search(client)
    for n in range(1, 6):
        make_one_of_each(n)
    assert _queries_for_search(client) == small


@pytest.mark.django_db
def test_without_postgresql_every_word_must_occur(monkeypatch):
    # The SQLite route (also forced on PostgreSQL, where CI runs, so it is always tested).
    monkeypatch.setattr("wijkportaal.core.search.uses_full_text_search", lambda: False)
    CouncilFactory(name="Wijkraad Zonnebloem", neighbourhoods="Bloemenbuurt")
    CouncilFactory(name="Wijkraad Zonnebloem Oost", neighbourhoods="Havenkwartier")
    queryset = NeighbourhoodCouncil.objects.all()
    fields = ("name", "neighbourhoods")

    assert matching(queryset, "ZONNEBLOEM", fields).count() == 2
    assert [c.name for c in matching(queryset, "zonnebloem haven", fields)] == [
        "Wijkraad Zonnebloem Oost"
    ]
    assert matching(queryset, "zonnebloem molen", fields).count() == 0


@requires_postgres
@pytest.mark.django_db
def test_dutch_stemming_finds_other_forms_of_a_word(client):
    CouncilFactory(name="Stadsdeel Noord", description="Een wijkraad die de buurt verbindt.")
    EntryFactory(title="Vergaderen", summary="Hoe wijkraden een vergadering voorbereiden.")

    titles = result_titles(search(client, "wijkraden"))

    assert "Stadsdeel Noord" in titles
    assert "Vergaderen" in titles
    # Best match first, and the Dutch configuration drops stop words ("de", "een").
    assert result_titles(search(client, "de vergaderingen")) == ["Vergaderen"]


def test_snippet_cuts_around_the_first_word_found():
    text = "Eerst " + "veel woorden " * 50 + "dan de zonnebloem en daarna " + "nog meer " * 50

    piece = snippet(text, "Zonnebloem")

    assert "zonnebloem" in piece
    assert piece.startswith("… ") and piece.endswith(" …")
    assert len(piece) <= 230
    assert snippet("Kort **vet** verhaal.", "x") == "Kort vet verhaal."
