"""Every CSV download of the portal neutralises cells a spreadsheet would run (issue 12).

For each export, a formula is stored in every free-text field that ends up in it; the served
file is parsed and no cell may start with a formula character. The test knows the exports only
by their address and what they serve, not by the code that writes them."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests.factories import CouncilFactory, DepartmentFactory, DistrictFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from tests.toolkit.factories import ChannelFactory, ChannelKindFactory

pytestmark = pytest.mark.django_db

PAYLOAD = "cmd|' /C calc'!A0"
# What a spreadsheet program runs as a formula (or a DDE call) at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def monitor_export(text: str) -> tuple[str, int]:
    """/voortgang/export.csv: the action's title, its department, the source of its money."""
    ActionItemFactory(title=text, department=DepartmentFactory(name=text), financing_source=text)
    return "/voortgang/export.csv", 3


def toolkit_export(text: str) -> tuple[str, int]:
    """/toolkit/export.csv: wijkraad, district, kind of channel and the channel's own texts."""
    ChannelFactory(
        council=CouncilFactory(name=text, district=DistrictFactory(name=text)),
        kind=ChannelKindFactory(name=text),
        name=text,
        url=text,
        audience=text,
        frequency=text,
        results=text,
    )
    return "/toolkit/export.csv", 8


def budget_pilot_export(text: str) -> tuple[str, int]:
    """/beheerexperiment/<pk>/uitgaven.csv: the wijkraad, and each decision's purpose and
    recipient. Models by label: the contracts app is cut into sub-apps under one label."""
    pilot = apps.get_model("contracts", "BudgetPilot").objects.create(
        council=CouncilFactory(name=text), year=timezone.localdate().year
    )
    line_model = apps.get_model("contracts", "BudgetLine")
    line = line_model.objects.create(
        pilot=pilot,
        kind=line_model._meta.get_field("kind").choices[0][0],
        amount=Decimal("1000.00"),
    )
    apps.get_model("contracts", "BudgetDecision").objects.create(
        line=line,
        decided_on=timezone.localdate(),
        amount=Decimal("10.00"),
        purpose=text,
        recipient=text,
    )
    return f"/beheerexperiment/{pilot.pk}/uitgaven.csv", 3


EXPORTS = {
    "voortgang/export.csv": monitor_export,
    "toolkit/export.csv": toolkit_export,
    "beheerexperiment/<int:pk>/uitgaven.csv": budget_pilot_export,
}


def served_cells(response) -> list[str]:
    text = response.getvalue().decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["=", "+", "-", "@", "tab", "cr"])
@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_no_csv_export_serves_a_cell_a_spreadsheet_would_run(client, export, start):
    url, fields = export(start + PAYLOAD)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    cells = served_cells(response)
    # The stored texts are in the file (neutralised, not dropped) ...
    assert sum(PAYLOAD in cell for cell in cells) >= fields
    # ... and none of them, nor any other cell, starts as a formula.
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_the_list_above_holds_every_csv_export_of_the_portal():
    csv_routes = {route for route in _routes(get_resolver().url_patterns) if ".csv" in route}
    assert csv_routes == set(EXPORTS)


@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_every_csv_export_streams_the_whole_file(client, export):
    url, _fields = export("Gewone tekst")
    response = client.get(url)
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) >= 2 and "Gewone tekst" in text


def test_the_progress_exports_stream_every_action_however_many(client):
    titles = [f"Actie {index:03}" for index in range(120)]
    recommendation = RecommendationFactory(number=1)
    for title in titles:
        ActionItemFactory(title=title, recommendations=[recommendation])
    response = client.get("/voortgang/export.csv")
    assert response.streaming
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert sorted(row["titel"] for row in rows) == titles
    response = client.get("/voortgang/export.json")
    assert response.streaming and response["Content-Type"] == "application/json"
    chunks = list(response.streaming_content)
    payload = json.loads(b"".join(chunks))
    served = [a["titel"] for r in payload["recommendations"] for a in r["acties"]]
    assert set(titles) <= set(served)
