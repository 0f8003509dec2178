"""Indicators that cannot lie: the period, the status from the data, the handmatig value with
who and when, the monthly snapshots, the open data against its schema, and the dated versions
of the municipality's answer."""

import datetime
import json
from decimal import Decimal

import jsonschema
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from recommendations import selectors, services
from recommendations.models import (
    AnswerVersion,
    IndicatorSnapshot,
    PeriodKind,
    ProgrammeEvent,
    SnapshotKind,
)
from recommendations.tasks import take_indicator_snapshots
from recommendations.views import EXPORT_SCHEMA_PATH
from wijkportaal.core.registry import IndicatorSource, Period

from .factories import IndicatorFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 7, 1, 12))  # half way through 2026
YEAR = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), now=NOW)


# --- the status follows from the data only ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "target", "status"),
    [
        (2, 2, "gehaald"),
        (3, 2, "gehaald"),
        (1, 2, "op_schema"),  # half the target half way through the period
        (Decimal("0.9"), 2, "achter"),
        (None, 2, "achter"),  # no figure counts as nothing
        (0, None, "geen_doel"),
        (None, None, "geen_doel"),
    ],
)
def test_status_from_value_target_and_the_part_of_the_period_passed(value, target, status):
    assert selectors.indicator_status(value, target, YEAR) == status


def test_after_the_target_date_what_was_not_met_is_behind():
    period = Period(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31), now=NOW)
    assert selectors.indicator_status(1, 2, period) == "achter"
    assert selectors.indicator_status(2, 2, period) == "gehaald"


def test_programme_year_starts_on_the_configured_day(settings):
    assert selectors.programme_year(datetime.date(2026, 7, 2)) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    settings.PROGRAMME_YEAR_START = "09-01"
    assert selectors.programme_year(datetime.date(2026, 7, 2)) == (
        datetime.date(2025, 9, 1),
        datetime.date(2026, 8, 31),
    )
    assert selectors.programme_year(datetime.date(2026, 9, 1))[0] == datetime.date(2026, 9, 1)


def test_a_row_has_definition_period_value_status_and_source(plugin):
    calls = []

    def compute(period):
        calls.append(period)
        return 1

    plugin(IndicatorSource("test.count", label="Telling", compute=compute, definition="Telt."))
    IndicatorFactory(
        key="live",
        source="test.count",
        target=2,
        period_kind=PeriodKind.TARGET_DATE,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    IndicatorFactory(key="by-hand", target=None, manual_value=5, definition="Met de hand.")
    rows = {row["key"]: row for row in selectors.indicator_rows(now=NOW)}
    assert calls == [YEAR]
    live = rows["live"]
    assert (live["value"], live["status"], live["source"]) == (1, "op_schema", "live")
    assert live["definition"] == "Telt."
    manual = rows["by-hand"]
    assert (manual["source"], manual["status"], manual["definition"]) == (
        "handmatig",
        "geen_doel",
        "Met de hand.",
    )


def test_a_failing_source_falls_back_to_handmatig(plugin):
    def broken(period):
        raise RuntimeError("kapot")

    plugin(IndicatorSource("test.broken", label="Kapot", compute=broken))
    IndicatorFactory(source="test.broken", manual_value=1)
    (row,) = selectors.indicator_rows(now=NOW)
    assert row["source"] == "handmatig" and row["value"] == 1


# --- handmatig: who set it and when ----------------------------------------------------------


def test_an_officer_sets_a_handmatig_value_signed_and_dated(officer, councillor, plugin):
    indicator = IndicatorFactory(manual_value=None)
    services.indicator_manual_set(actor=officer, indicator=indicator, value="3")
    indicator.refresh_from_db()
    assert indicator.manual_value == 3 and indicator.manual_set_by == officer
    assert indicator.manual_set_at is not None
    with pytest.raises(PermissionDenied):
        services.indicator_manual_set(actor=councillor, indicator=indicator, value=4)
    plugin(IndicatorSource("test.live", label="Live", compute=lambda period: 1))
    live = IndicatorFactory(source="test.live")
    with pytest.raises(ValidationError):
        services.indicator_manual_set(actor=officer, indicator=live, value=9)
    with pytest.raises(ValidationError):
        services.indicator_manual_set(actor=officer, indicator=indicator, value="veel")


# --- history: snapshots ----------------------------------------------------------------------


def test_the_monthly_snapshot_runs_twice_and_stores_one(officer):
    first, second = IndicatorFactory.create_batch(2)
    assert services.indicator_snapshots_take(now=NOW) == 2
    assert services.indicator_snapshots_take(now=NOW + datetime.timedelta(days=3)) == 0
    assert IndicatorSnapshot.objects.count() == 2
    # Next month: new ones; an officer's request at any moment adds one too.
    assert services.indicator_snapshots_take(now=NOW + datetime.timedelta(days=31)) == 2
    services.indicator_snapshots_take(kind=SnapshotKind.REQUESTED, actor=officer, now=NOW)
    assert IndicatorSnapshot.objects.filter(kind=SnapshotKind.REQUESTED).count() == 2
    assert IndicatorSnapshot.objects.filter(indicator=first).count() == 3


def test_the_beat_task_is_the_monthly_snapshot():
    IndicatorFactory()
    assert take_indicator_snapshots() == 1
    assert take_indicator_snapshots() == 0


def test_only_staff_ask_for_a_snapshot_and_nobody_edits_one(client, councillor, administrator):
    IndicatorFactory()
    with pytest.raises(PermissionDenied):
        services.indicator_snapshots_take(kind=SnapshotKind.REQUESTED, actor=councillor)
    services.indicator_snapshots_take(now=NOW)
    snapshot = IndicatorSnapshot.objects.get()
    client.force_login(administrator)
    base = "/admin/recommendations/indicatorsnapshot/"
    assert client.get(base + "add/").status_code == 403
    assert client.post(base + f"{snapshot.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(base + f"{snapshot.pk}/change/", {"value": "99"})
    snapshot.refresh_from_db()
    assert snapshot.value != 99
    assert client.get("/admin/recommendations/answerversion/add/").status_code == 403


def test_an_officer_asks_for_a_snapshot_from_the_admin(client, officer):
    indicator = IndicatorFactory()
    client.force_login(officer)
    response = client.post(
        "/admin/recommendations/indicator/",
        {"action": "take_snapshot", "_selected_action": [indicator.pk]},
    )
    assert response.status_code == 302
    snapshot = IndicatorSnapshot.objects.get()
    assert snapshot.kind == SnapshotKind.REQUESTED and snapshot.requested_by == officer
    page = client.get(f"/admin/recommendations/indicatorsnapshot/{snapshot.pk}/change/")
    assert page.status_code == 200 and b'name="value"' not in page.content


def test_the_monitor_shows_each_indicator_with_its_trend_and_table(client, officer):
    indicator = IndicatorFactory(
        title="Wijkraden met een rolkeuze", definition="Telt de wijkraden.", manual_value=None
    )
    services.indicator_manual_set(actor=officer, indicator=indicator, value=2)
    for days in (0, 31, 62):
        services.indicator_snapshots_take(now=NOW + datetime.timedelta(days=days))
    ProgrammeEvent.objects.create(
        date=datetime.date(2025, 6, 30), kind="brief", title="Brief van de wethouder"
    )
    html = client.get("/voortgang/").content.decode()
    assert "Wijkraden met een rolkeuze" in html and "Telt de wijkraden." in html
    assert f"ingevuld door {officer.display_name}" in html
    assert "<polyline" in html and "Vastgelegde waarden: Wijkraden met een rolkeuze" in html
    assert "Over dit programma" in html and "Brief van de wethouder" in html
    assert 'href="/voortgang/reactietijd/"' in html
    # A second (cached) view still computes the indicators now.
    services.indicator_manual_set(actor=officer, indicator=indicator, value=7)
    assert ">7" in client.get("/voortgang/").content.decode()


# --- open data -------------------------------------------------------------------------------


def test_export_json_follows_its_schema(client, plugin, officer):
    plugin(IndicatorSource("test.share", label="Aandeel", compute=lambda period: 12.5))
    IndicatorFactory(key="rec1-aandeel", source="test.share", target=100, unit="%")
    handmatig = IndicatorFactory(key="rec10-handmatig", target=None, manual_value=None)
    services.indicator_snapshots_take(now=NOW)
    services.indicator_manual_set(actor=officer, indicator=handmatig, value=3)
    response = client.get("/voortgang/export.json")
    data = json.loads(b"".join(response.streaming_content))
    schema = json.loads(EXPORT_SCHEMA_PATH.read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    indicators = {row["key"]: row for row in data["indicators"]}
    assert indicators["rec1-aandeel"]["value"] == 12.5
    assert indicators["rec1-aandeel"]["source"] == "live"
    assert indicators["rec1-aandeel"]["history"] == [{"date": "2026-07-01", "value": 12.5}]
    assert indicators["rec10-handmatig"]["status"] == "geen_doel"
    assert indicators["rec10-handmatig"]["source"] == "handmatig"
    assert "total" in data["response_times"]
    # The schema refuses what it should.
    indicators["rec1-aandeel"]["status"] = "bijna"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_schema_is_published_and_explained(client):
    response = client.get("/voortgang/export.schema.json")
    assert response.status_code == 200
    assert json.loads(response.content)["title"]
    html = client.get("/voortgang/open-data/").content.decode()
    assert "/voortgang/export.schema.json" in html and "period_start" in html


# --- the municipality's answer: dated versions -----------------------------------------------


def test_only_an_administrator_changes_the_answer_with_a_reason(administrator, officer, client):
    recommendation = RecommendationFactory(number=4, answer="Eerst de werkgroep.")
    services.answer_letter_version(
        recommendation=recommendation, valid_from=datetime.date(2025, 6, 30)
    )
    with pytest.raises(PermissionDenied):
        services.answer_revise(
            actor=officer,
            recommendation=recommendation,
            stance="overgenomen",
            answer="Nu meteen.",
            reason="Besluit van de raad.",
        )
    with pytest.raises(ValidationError) as error:
        services.answer_revise(
            actor=administrator,
            recommendation=recommendation,
            stance="overgenomen",
            answer="Nu meteen.",
            reason=" ",
        )
    assert "reason" in error.value.message_dict
    services.answer_revise(
        actor=administrator,
        recommendation=recommendation,
        stance="overgenomen",
        answer="De campagne start nu.",
        reason="Motie van de raad aangenomen.",
    )
    recommendation.refresh_from_db()
    assert recommendation.answer == "De campagne start nu."
    versions = list(recommendation.answer_versions.order_by("valid_from", "created_at"))
    assert [v.answer for v in versions] == ["Eerst de werkgroep.", "De campagne start nu."]
    html = client.get("/voortgang/aanbevelingen/4/").content.decode()
    assert "30 juni 2025" in html and "Motie van de raad aangenomen." in html
    assert "de brief van de wethouder" in html


def test_the_admin_asks_a_reason_and_officers_cannot_change_the_answer(
    client, administrator, officer
):
    recommendation = RecommendationFactory(number=5, answer="Er komt een toolkit.")
    url = f"/admin/recommendations/recommendation/{recommendation.pk}/change/"
    form = {
        "number": 5,
        "title": recommendation.title,
        "summary": recommendation.summary,
        "stance": recommendation.stance,
        "answer": "Er komt een toolkit en een training.",
        "change_reason": "",
        "answer_versions-TOTAL_FORMS": 0,
        "answer_versions-INITIAL_FORMS": 0,
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
    }
    client.force_login(administrator)
    response = client.post(url, form)
    assert response.status_code == 200 and "Vul de reden van de wijziging in." in (
        response.content.decode()
    )
    assert not AnswerVersion.objects.exists()
    form["change_reason"] = "Na de evaluatie met de wijkraden."
    assert client.post(url, form).status_code == 302
    version = AnswerVersion.objects.get(reason="Na de evaluatie met de wijkraden.")
    assert version.created_by == administrator
    assert recommendation.answer_versions.count() == 2  # the letter's text came first
    client.force_login(officer)
    form["answer"] = "Iets anders."
    assert client.post(url, form).status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.answer == "Er komt een toolkit en een training."
