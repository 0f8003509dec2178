"""The core kit: registry, money, CSV, iCal and state machines behave the same for every app."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone, translation
from icalendar import Calendar

from tests.factories import CouncilFactory
from wijkportaal.core.exports import csv_response, safe_cell
from wijkportaal.core.forms import TransitionForm
from wijkportaal.core.ical import CalendarEvent, calendar_response
from wijkportaal.core.money import format_money
from wijkportaal.core.registry import NavItem, Registry
from wijkportaal.core.states import StateMachine
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.core.web import choices_or_404
from wijkportaal.core.workdays import add_working_days, is_working_day, working_days_between
from wijkportaal.wijkraden.models import NeighbourhoodCouncil


def test_a_key_taken_by_another_plugin_is_refused_but_the_same_plugin_twice_is_harmless():
    registry = Registry()
    item = NavItem("a", url_name="x:y", label="A")
    registry.register(item)
    registry.register(item)
    with pytest.raises(ValueError):
        registry.register(NavItem("a", url_name="x:z", label="B"))
    registry.register(NavItem("b", url_name="x:z", label="B", order=1))
    assert [nav.key for nav in registry.all(NavItem)] == ["b", "a"]


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("nl", Decimal("1234.5"), "€ 1.234,50"),
        ("nl", Decimal("-12500"), "€ -12.500,00"),
        ("en", Decimal("1234.5"), "€1,234.50"),
        ("en", Decimal("-3"), "-€3.00"),
        ("nl", None, "—"),
    ],
)
def test_money_is_written_the_way_the_reader_reads_it(language, amount, shown):
    with translation.override(language):
        assert format_money(amount) == shown


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_is_neutralised(start):
    assert safe_cell(f"{start}cmd|' /C calc'!A0").startswith("'")


def test_numbers_and_plain_text_stay_as_they_are():
    assert safe_cell(Decimal("-12.50")) == "-12.50"
    assert safe_cell("Wijkkrant") == "Wijkkrant"
    assert safe_cell(None) == ""
    assert safe_cell(True) == "ja"


def test_csv_response_streams_a_bom_header_and_safe_rows():
    response = csv_response("x.csv", ["naam"], [["=1+1"], ["Wijkkrant"]])
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeffnaam")
    assert "'=1+1" in body and "Wijkkrant" in body
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_calendar_stamps_the_moment_it_was_made_and_one_uid_host(settings):
    settings.SITE_URL = "https://wijkportaal.gemeente.example"
    start = timezone.now() + datetime.timedelta(days=30)
    response = calendar_response(
        "Test",
        [CalendarEvent("sessie-1", "Sessie", start, start + datetime.timedelta(hours=2))],
        filename="t.ics",
    )
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["UID"]) == "sessie-1@wijkportaal.gemeente.example"
    assert abs(event["DTSTAMP"].dt - timezone.now()) < datetime.timedelta(minutes=1)


class Light(models.TextChoices):
    RED = "rood", "rood"
    GREEN = "groen", "groen"
    OFF = "uit", "uit"


MACHINE = StateMachine(
    Light,
    {Light.RED: (Light.GREEN, Light.OFF), Light.GREEN: (Light.RED, Light.OFF), Light.OFF: ()},
    reason_required=(Light.OFF,),
    changed_at_field=None,
)


def test_a_state_machine_allows_only_the_listed_moves_with_their_reasons():
    assert MACHINE.check(Light.RED, Light.GREEN) == ""
    with pytest.raises(ValidationError) as refused:
        MACHINE.check(Light.OFF, Light.RED)
    assert "definitief" in str(refused.value)
    with pytest.raises(ValidationError) as no_reason:
        MACHINE.check(Light.RED, Light.OFF, "  ")
    assert "reason" in no_reason.value.message_dict
    assert MACHINE.check(Light.RED, Light.OFF, " stroom uit ") == "stroom uit"
    with pytest.raises(ValidationError):
        MACHINE.check(Light.RED, "paars")


def test_a_state_machine_must_list_every_state():
    with pytest.raises(ValueError):
        StateMachine(Light, {Light.RED: ()})


def test_working_days_skip_weekends_and_dutch_public_holidays():
    christmas_eve = datetime.date(2026, 12, 24)  # a Thursday; the 25th and 26th are holidays
    assert not is_working_day(datetime.date(2026, 12, 25))
    assert add_working_days(christmas_eve, 1) == datetime.date(2026, 12, 28)
    assert add_working_days(datetime.date(2026, 12, 28), -1) == christmas_eve
    assert add_working_days(datetime.date(2026, 4, 24), 1) == datetime.date(
        2026, 4, 28
    )  # King's Day
    assert working_days_between(christmas_eve, datetime.date(2026, 12, 29)) == 2
    assert working_days_between(christmas_eve, christmas_eve) == 0


def test_a_reason_can_be_required_for_one_move_only():
    machine = StateMachine(
        Light,
        {Light.RED: (Light.GREEN, Light.OFF), Light.GREEN: (Light.OFF,), Light.OFF: ()},
        reason_required=((Light.RED, Light.OFF),),
        changed_at_field=None,
    )
    assert machine.check(Light.GREEN, Light.OFF) == ""
    with pytest.raises(ValidationError):
        machine.check(Light.RED, Light.OFF)


def test_a_target_that_is_no_state_is_refused_with_the_possible_moves():
    with pytest.raises(ValidationError) as refused:
        MACHINE.check(Light.RED, "paars")
    message = refused.value.message_dict["to_status"][0]
    assert "‘paars’" in message and "groen" in message


def test_a_state_machine_names_its_own_reason_field_and_message():
    machine = StateMachine(
        Light,
        {Light.RED: (Light.OFF,), Light.GREEN: (), Light.OFF: ()},
        reason_required=(Light.OFF,),
        reason_field="motivation",
        reason_message="Schrijf een motivering.",
    )
    with pytest.raises(ValidationError) as no_reason:
        machine.check(Light.RED, Light.OFF)
    assert no_reason.value.message_dict == {"motivation": ["Schrijf een motivering."]}


def test_field_errors_are_collected_and_raised_together():
    errors = FieldErrors()
    with errors.collect():
        clean_text("  ", field="title", label="een titel", max_length=10)
    with errors.collect():
        clean_text("x" * 11, field="body", max_length=10)
    assert clean_text("  ok ", field="x", max_length=10) == "ok"
    errors.add("themes", "Kies een thema.")
    assert "title" in errors and "subject" not in errors
    with pytest.raises(ValidationError) as raised:
        errors.raise_if_any()
    assert raised.value.message_dict == {
        "title": ["Vul een titel in."],
        "body": ["Hoogstens 10 tekens, alstublieft."],
        "themes": ["Kies een thema."],
    }
    FieldErrors().raise_if_any()  # nothing collected: nothing raised


def test_a_transition_form_offers_the_moves_of_the_table_and_leaves_the_check_to_the_service():
    form = TransitionForm({"to_status": "paars"}, machine=MACHINE, current=Light.RED)
    assert [value for value, _label in form.fields["to_status"].choices] == ["groen", "uit"]
    assert form.is_valid()


@pytest.mark.django_db
def test_choices_or_404_refuses_no_choices_and_a_posted_choice_outside_them(rf):
    councils = NeighbourhoodCouncil.objects.all()
    with pytest.raises(Http404):
        choices_or_404(rf.get("/"), councils)
    mine, other = CouncilFactory(), CouncilFactory()
    own = NeighbourhoodCouncil.objects.filter(pk=mine.pk)
    assert choices_or_404(rf.get("/"), own) is own
    assert choices_or_404(rf.post("/", {"council": mine.pk}), own) is own
    for posted in (other.pk, "abc"):
        with pytest.raises(Http404):
            choices_or_404(rf.post("/", {"council": posted}), own)
