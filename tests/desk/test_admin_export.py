"""Officers export the desk's cases from the admin (CSV, XLSX), the list as filtered: the
worklist's columns, the kind's label, no submitter's name or address; formulas neutralised."""

import io

import openpyxl
import pytest

from tests.desk.factories import CaseFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/desk/case/export/"
FIELDS = [
    "number",
    "kind",
    "title",
    "council",
    "department",
    "assignee",
    "status",
    "received_at",
    "answer_by",
    "answered_at",
    "working_days_to_answer",
    "answered_in_term",
    "overdue",
    "closed_at",
]


def export(client, fmt=0, query=""):
    data = {"format": fmt, **{f"caseresource_{name}": "on" for name in FIELDS}}
    return client.post(EXPORT_URL + query, data)


def test_officer_exports_the_cases_as_csv(client, officer, case_kind, department):
    case = CaseFactory(
        title="=cmd|' /C calc'!A0",
        department=department,
        submitter_name="Bea Bewoner",
        submitter_email="bea@example.test",
    )
    client.force_login(officer)

    response = export(client)

    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffnummer,soort verzoek,titel,wijkraad,afdeling,behandelaar,status")
    line = text.splitlines()[1]
    assert line.startswith(
        f"{case.pk},Testverzoek,'=cmd|' /C calc'!A0,{case.council.name},Wijkzaken"
    )
    assert "Bea Bewoner" not in text and "bea@example.test" not in text


def test_officer_exports_xlsx_of_the_filtered_list(client, officer, case_kind, department):
    CaseFactory(title="Open verzoek", department=department)
    CaseFactory(title="Verzoek in behandeling", department=department, status="in_behandeling")
    client.force_login(officer)

    response = export(client, fmt=1, query="?status__exact=ontvangen")

    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert [row[2] for row in rows[1:]] == ["Open verzoek"]


def test_only_staff_export(client, chair, councillor, case_kind):
    CaseFactory(title="Vertrouwelijk verzoek")
    for user in (None, chair, councillor):
        if user:
            client.force_login(user)
        response = export(client)
        assert response.status_code == 302
        assert "Vertrouwelijk verzoek" not in response.content.decode()
