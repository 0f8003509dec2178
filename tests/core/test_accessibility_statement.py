"""The accessibility statement follows the Dutch model: a compliance status A–E derived from
the facts (evaluation, known gaps, planned evaluation), the date and scope of the last
evaluation, the automated sweep's figures from its file, known gaps, contact and response
time — all rendered from data."""

import datetime
import json

import pytest
from django.urls import reverse

from wijkportaal.core.accessibility import compliance_status, statement_read

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
EVALUATION = {
    "date": "2026-06-01",
    "by": "Stichting Toegankelijk Onderzoek",
    "method": "WCAG-EM",
    "scope": "Alle pagina's, ook achter de inlog",
    "complete": True,
    "report_url": "https://voorbeeld.test/rapport.pdf",
}
GAP = {
    "criterion": "1.4.10 Reflow",
    "problem": "Tabellen te breed op een telefoon",
    "measure": "Tabellen scrollen in hun eigen vak",
    "planned": "2027-01-31",
}


def facts(**overrides):
    data = {
        "updated": "2026-12-01",
        "scope": "Het hele wijkportaal",
        "evaluation": None,
        "planned_evaluation": None,
        "gaps": [],
        "response_days": 5,
    }
    data.update(overrides)
    return data


def write(tmp_path, data):
    path = tmp_path / "verklaring.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (facts(evaluation=EVALUATION), "A"),
        (facts(evaluation=EVALUATION, gaps=[GAP]), "B"),
        # a gap without a measure and date: not B
        (facts(evaluation=EVALUATION, gaps=[{**GAP, "measure": ""}]), "D"),
        # an evaluation older than three years counts as none
        (facts(evaluation={**EVALUATION, "date": "2023-06-01"}), "D"),
        # a partial evaluation is not enough for A or B
        (facts(evaluation={**EVALUATION, "complete": False}), "D"),
        (facts(planned_evaluation={"date": "2027-04-30"}), "C"),
        (facts(planned_evaluation={"date": "2027-12-31"}), "D"),
        (facts(), "D"),
    ],
)
def test_the_status_follows_from_the_facts(tmp_path, data, status):
    assert compliance_status(statement_read(write(tmp_path, data)), TODAY) == status


def test_no_or_a_broken_statement_is_status_e(tmp_path):
    assert statement_read(tmp_path / "absent.json") is None
    assert compliance_status(None, TODAY) == "E"
    assert statement_read(write(tmp_path, {"updated": "gisteren"})) is None


def test_the_shipped_statement_is_readable_and_honest(settings):
    statement = statement_read(settings.ACCESSIBILITY_STATEMENT_FILE)
    assert statement is not None
    # No independent evaluation has been done: the portal may not claim A or B.
    assert statement["evaluation"] is None
    assert compliance_status(statement) in {"C", "D"}


def test_the_page_renders_the_model_statement_from_data(client, settings, tmp_path):
    settings.ACCESSIBILITY_STATEMENT_FILE = str(
        write(tmp_path, facts(evaluation=EVALUATION, gaps=[GAP], response_days=3))
    )
    sweep = tmp_path / "sweep.json"
    sweep.write_text(
        json.dumps({"date": "2026-11-28", "kinds": {"anonymous": 12}, "pages": 12, "violations": 0})
    )
    settings.ACCESSIBILITY_SWEEP_FILE = str(sweep)
    text = client.get(reverse("core:accessibility")).text
    assert "Status B: voldoet gedeeltelijk" in text
    assert "1 juni 2026" in text and "Stichting Toegankelijk Onderzoek" in text
    assert "Alle pagina&#x27;s, ook achter de inlog" in text
    assert "1.4.10 Reflow" in text and "Tabellen scrollen in hun eigen vak" in text
    assert "31 januari 2027" in text
    assert "controleerde axe-core 12 pagina" in text and "28 november 2026" in text
    assert "binnen 3 werkdagen" in text
    assert settings.MUNICIPALITY_CONTACT_EMAIL in text
    assert "bijgewerkt op 1 december 2026" in text


def test_without_a_statement_the_page_says_status_e(client, settings, tmp_path):
    settings.ACCESSIBILITY_STATEMENT_FILE = str(tmp_path / "absent.json")
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert "Status E: voldoet niet" in response.text
    assert "binnen 5 werkdagen" in response.text
