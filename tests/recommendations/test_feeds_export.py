import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from recommendations import services
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from wijkportaal.core.exports import json_chunks

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def data(administrator):
    three, six = RecommendationFactory(number=3), RecommendationFactory(number=6)
    training = ActionItemFactory(
        title="Scholingsprogramma", recommendations=[three, six], financing_amount=25000
    )
    other = ActionItemFactory(title="Toolkit <communicatie>", recommendations=[six])
    services.progress_update_create(
        actor=administrator, action=training, text="Wensen opgehaald & verwerkt", progress=30
    )
    services.progress_update_create(
        actor=administrator, action=other, text="Inventaris uitgezet", status="lopend"
    )
    return training, other


def parse_atom(content):
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None
    return root, entries


def test_feed_is_valid_atom_with_all_updates(client, data):
    response = client.get("/voortgang/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    _root, entries = parse_atom(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles == ["Toolkit <communicatie>: gepland → lopend", "Scholingsprogramma: 30% gereed"]
    summaries = [entry.find(f"{ATOM}summary").text for entry in entries]
    assert "Wensen opgehaald & verwerkt" in summaries


def test_recommendation_feed_holds_only_its_updates(client, data):
    _root, entries = parse_atom(client.get("/voortgang/aanbevelingen/3/feed/").content)
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Scholingsprogramma: 30% gereed"]
    _root, entries = parse_atom(client.get("/voortgang/aanbevelingen/6/feed/").content)
    assert len(entries) == 2


def test_csv_export_parses_with_a_row_per_action(client, data):
    training, other = data
    response = client.get("/voortgang/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    by_title = {row["titel"]: row for row in rows}
    row = by_title["Scholingsprogramma"]
    assert row["aanbevelingen"] == "3;6"
    assert row["voortgang"] == "30"
    assert row["over_tijd"] == "nee"
    assert row["financiering_euro"] == "25000.00"
    assert row["laatste_update"]
    assert row["afdeling"] == training.department.name
    assert by_title["Toolkit <communicatie>"]["status"] == "lopend"


def test_json_export_holds_recommendations_with_their_actions(client, data):
    payload = json.loads(b"".join(client.get("/voortgang/export.json").streaming_content))
    recommendations = {r["nummer"]: r for r in payload["recommendations"]}
    assert [a["titel"] for a in recommendations[3]["acties"]] == ["Scholingsprogramma"]
    assert {a["titel"] for a in recommendations[6]["acties"]} == {
        "Scholingsprogramma",
        "Toolkit <communicatie>",
    }
    action = recommendations[3]["acties"][0]
    assert action["aanbevelingen"] == [3, 6]
    assert action["over_tijd"] is False
    assert action["voortgang"] == 30


def test_columns_page_documents_every_column(client, data):
    html = client.get("/voortgang/open-data/").content.decode()
    export = client.get("/voortgang/export.csv")
    header = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()[0]
    for column in header.split(","):
        assert f"<code>{column}</code>" in html


def test_csv_export_neutralises_formula_cells(client):
    formula = "=cmd|' /C calc'!A0"
    ActionItemFactory(
        title=formula,
        key="formule",
        financing_source=formula,
        department__name=formula,
        recommendations=[RecommendationFactory(number=1)],
    )
    export = client.get("/voortgang/export.csv")
    row = next(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    for column in ("titel", "financieringsbron", "afdeling"):
        assert row[column] == "'" + formula


def test_the_exports_mark_only_open_actions_past_their_date_as_late(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    recommendation = RecommendationFactory(number=4)
    late = ActionItemFactory(
        title="Te laat", status="lopend", due_date=yesterday, recommendations=[recommendation]
    )
    ActionItemFactory(
        title="Op tijd klaar",
        status="afgerond",
        progress=100,
        due_date=yesterday,
        recommendations=[recommendation],
    )
    ActionItemFactory(title="Zonder datum", due_date=None, recommendations=[recommendation])

    payload = json.loads(b"".join(client.get("/voortgang/export.json").streaming_content))
    actions = {a["titel"]: a for a in payload["recommendations"][0]["acties"]}
    assert {title: a["over_tijd"] for title, a in actions.items()} == {
        "Te laat": True,
        "Op tijd klaar": False,
        "Zonder datum": False,
    }
    assert actions["Te laat"]["url"] == f"http://testserver/voortgang/acties/{late.pk}/"
    assert actions["Te laat"]["gereed_op"] == yesterday.isoformat()
    assert payload["recommendations"][0]["url"] == "http://testserver/voortgang/aanbevelingen/4/"
    rows = csv.DictReader(
        io.StringIO(
            b"".join(client.get("/voortgang/export.csv").streaming_content).decode("utf-8-sig")
        )
    )
    assert {row["titel"]: row["over_tijd"] for row in rows} == {
        "Te laat": "ja",
        "Op tijd klaar": "nee",
        "Zonder datum": "nee",
    }


def test_the_json_export_reads_back_as_what_was_encoded():
    """The export is encoded piece by piece; the pieces join into one JSON document that reads
    back as the whole (nested lists and objects, accents, empty containers), with dates, times
    and decimals written as Django writes them."""
    moment = datetime.datetime(2026, 12, 2, 14, 30, 15, 123456, tzinfo=datetime.UTC)
    payload = {
        "naam": "Wijkraad Bloemenbuurt – één",
        "lijsten": [[1, [2, {"diep": {"dieper": [3]}}]], [], {}],
        "bedrag": Decimal("12.50"),
        "datum": datetime.date(2026, 12, 2),
        "moment": moment,
        "leeg": None,
        "waar": True,
        "fractie": 0.1,
    }
    text = b"".join(json_chunks(payload, chunk=8)).decode()
    assert "één" in text  # accents as themselves, not escaped
    assert json.loads(text) == json.loads(DjangoJSONEncoder(ensure_ascii=False).encode(payload))
    read = json.loads(text)
    assert read["bedrag"] == "12.50" and read["datum"] == "2026-12-02"
    assert read["moment"] == "2026-12-02T14:30:15.123Z"
    assert read["lijsten"][0][1][1]["diep"]["dieper"] == [3]
