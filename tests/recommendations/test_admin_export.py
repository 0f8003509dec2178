"""Officers export the actions from the admin (CSV, XLSX), the list as filtered; formulas are
neutralised; nobody without the right gets the file."""

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.recommendations.factories import ActionItemFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/recommendations/actionitem/export/"
FIELDS = [
    "key",
    "title",
    "recommendations",
    "department",
    "responsible",
    "status",
    "progress",
    "start_date",
    "due_date",
    "planning",
    "financing_amount",
    "financing_source",
    "last_progress_at",
]


def export(client, fmt=0, query=""):
    data = {"format": fmt, **{f"actionresource_{name}": "on" for name in FIELDS}}
    return client.post(EXPORT_URL + query, data)


def test_officer_exports_csv_with_formulas_neutralised(client, officer):
    rec = RecommendationFactory(number=4)
    ActionItemFactory(
        title='=HYPERLINK("http://kwaad.test")',
        planning="@SUM(1)",
        financing_source="-gemeente",
        recommendations=[rec],
    )
    client.force_login(officer)

    response = export(client)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    header = text.splitlines()[0]
    assert header.startswith("\ufeffsleutel,titel,aanbevelingen,afdeling,verantwoordelijke,status")
    assert "'=HYPERLINK" in text
    assert "'@SUM(1)" in text
    assert "'-gemeente" in text
    assert ",4," in text


def test_officer_exports_xlsx(client, officer):
    ActionItemFactory(title="+31 bellen", status="lopend")
    client.force_login(officer)

    response = export(client, fmt=1)

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("sleutel", "titel")
    assert rows[1][1] == "'+31 bellen"
    assert rows[1][5] == "lopend"


def test_the_export_follows_the_filter(client, officer):
    ActionItemFactory(title="Loopt", status="lopend")
    ActionItemFactory(title="Klaar", status="afgerond", progress=100)
    client.force_login(officer)

    text = export(client, query="?status__exact=afgerond").content.decode()

    assert "Klaar" in text and "Loopt" not in text


def test_export_queries_do_not_grow_with_the_actions(client, officer):
    ActionItemFactory()
    client.force_login(officer)
    export(client)
    with CaptureQueriesContext(connection) as small:
        export(client)
    for _ in range(10):
        ActionItemFactory()
    with CaptureQueriesContext(connection) as large:
        export(client)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_only_staff_export(client, chair, councillor):
    ActionItemFactory(title="Geheim van de smid")
    for user in (None, chair, councillor):
        if user:
            client.force_login(user)
        response = export(client)
        assert response.status_code == 302, user
        assert "Geheim van de smid" not in response.content.decode()
