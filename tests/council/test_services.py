"""The council app's rules: who may do what, the dates that close a door, and mail once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from council import selectors, services
from council.models import Reply, Viewpoint, Visit
from tests.factories import CouncillorFactory, MembershipFactory
from wijkportaal.core.registry import Period
from wijkportaal.notifications.models import Notification

from .factories import DecisionFactory, ViewpointFactory, VisitFactory

pytestmark = pytest.mark.django_db

# Board seats of the factories start 30 days ago: the tests run on today's date.
TODAY = timezone.localdate()


def _rows(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", "occasion"))


# --- decisions ------------------------------------------------------------------------------


def test_officer_lists_a_decision_and_the_concerned_boards_hear_once(officer, council, chair):
    MembershipFactory(council=council, function="lid")  # a plain member is not told
    decision = services.decision_save(
        actor=officer,
        title="Omgevingsvisie",
        summary="Waar bouwen we?",
        decision_date=TODAY + datetime.timedelta(days=10),
        link="https://raad.example.test/1",
        councils=[council],
        today=TODAY,
    )
    assert list(decision.councils.all()) == [council]
    assert [r[0] for r in _rows(services.KIND_LISTED)] == [chair.pk]
    # Editing the decision tells nobody again.
    services.decision_save(
        actor=officer,
        decision=decision,
        title="Omgevingsvisie 2040",
        summary="Waar bouwen we?",
        decision_date=decision.decision_date,
        councils=[council],
        today=TODAY,
    )
    assert len(_rows(services.KIND_LISTED)) == 1


@pytest.mark.parametrize("kind", ["chair", "member", "councillor"])
def test_only_officers_list_decisions(request, kind):
    with pytest.raises(PermissionDenied):
        services.decision_save(
            actor=request.getfixturevalue(kind),
            title="x",
            summary="y",
            decision_date=TODAY,
            today=TODAY,
        )


def test_decision_checks_all_fields_in_dutch(officer):
    with pytest.raises(ValidationError) as error:
        services.decision_save(
            actor=officer,
            title="",
            summary="",
            decision_date=TODAY - datetime.timedelta(days=1),
            link="raad.nl/besluit",
            today=TODAY,
        )
    errors = error.value.message_dict
    assert set(errors) == {"title", "summary", "decision_date", "link"}
    assert "besluitdatum vanaf vandaag" in errors["decision_date"][0]


def test_outcome_only_from_the_decision_date_and_told_once(officer, council, chair):
    councillor = CouncillorFactory()
    decision = DecisionFactory(decision_date=TODAY + datetime.timedelta(days=3))
    decision.councils.set([council])
    decision.followers.set([councillor])
    fields = {
        "title": decision.title,
        "summary": decision.summary,
        "councils": [council],
        "outcome": "Aangenomen.",
    }
    with pytest.raises(ValidationError) as error:
        services.decision_save(
            actor=officer,
            decision=decision,
            decision_date=decision.decision_date,
            today=TODAY,
            **fields,
        )
    assert "de uitkomst legt u vast vanaf die dag" in error.value.message_dict["outcome"][0]
    later = decision.decision_date + datetime.timedelta(days=1)
    services.decision_save(
        actor=officer,
        decision=decision,
        decision_date=decision.decision_date,
        today=later,
        **fields,
    )
    decision.refresh_from_db()
    assert decision.outcome == "Aangenomen." and decision.outcome_recorded_at
    assert {r[0] for r in _rows(services.KIND_OUTCOME)} == {chair.pk, councillor.pk}
    services.decision_save(
        actor=officer,
        decision=decision,
        decision_date=decision.decision_date,
        today=later,
        **fields,
    )
    assert len(_rows(services.KIND_OUTCOME)) == 2


# --- views ----------------------------------------------------------------------------------


def test_board_gives_a_view_before_the_date_and_followers_hear_once(council, chair):
    councillor = CouncillorFactory()
    decision = DecisionFactory(decision_date=TODAY + datetime.timedelta(days=1))
    decision.followers.add(councillor)
    viewpoint = services.viewpoint_give(
        actor=chair, decision=decision, council=council, text="Meer groen.", today=TODAY
    )
    again = services.viewpoint_give(
        actor=chair, decision=decision, council=council, text="Meer groen, graag.", today=TODAY
    )
    assert again.pk == viewpoint.pk
    assert Viewpoint.objects.get().text == "Meer groen, graag."
    assert _rows(services.KIND_VIEWPOINT) == [(councillor.pk, f"viewpoint:{viewpoint.pk}")]


@pytest.mark.parametrize("days_after", [0, 1])
def test_a_view_on_or_after_the_decision_date_is_refused_in_dutch(council, chair, days_after):
    decision = DecisionFactory(decision_date=TODAY)
    with pytest.raises(ValidationError) as error:
        services.viewpoint_give(
            actor=chair,
            decision=decision,
            council=council,
            text="Te laat.",
            today=TODAY + datetime.timedelta(days=days_after),
        )
    assert "Een zienswijze kan tot en met de dag ervoor" in error.value.message_dict["text"][0]
    assert not Viewpoint.objects.exists()


@pytest.mark.parametrize("kind", ["member", "other_chair", "councillor", "officer"])
def test_only_the_board_gives_its_wijkraads_view(request, council, kind):
    with pytest.raises(PermissionDenied):
        services.viewpoint_give(
            actor=request.getfixturevalue(kind),
            decision=DecisionFactory(),
            council=council,
            text="x",
        )


def test_council_member_answers_a_view_and_the_board_hears(council, chair):
    councillor = CouncillorFactory()
    viewpoint = ViewpointFactory(council=council)
    reply = services.reply_give(actor=councillor, viewpoint=viewpoint, text="Dank, ik kom langs.")
    assert reply.author == councillor
    assert _rows(services.KIND_REPLY) == [(chair.pk, f"reply:{reply.pk}")]
    with pytest.raises(ValidationError) as error:
        services.reply_give(actor=councillor, viewpoint=viewpoint, text="  ")
    assert "Vul uw reactie in." in error.value.message_dict["text"]


@pytest.mark.parametrize("kind", ["chair", "member", "officer"])
def test_only_council_members_answer_and_follow(request, kind):
    user = request.getfixturevalue(kind)
    with pytest.raises(PermissionDenied):
        services.reply_give(actor=user, viewpoint=ViewpointFactory(), text="x")
    with pytest.raises(PermissionDenied):
        services.decision_follow(actor=user, decision=DecisionFactory())
    assert not Reply.objects.exists()


def test_council_member_follows_and_unfollows():
    councillor = CouncillorFactory()
    decision = DecisionFactory()
    services.decision_follow(actor=councillor, decision=decision)
    assert list(decision.followers.all()) == [councillor]
    services.decision_follow(actor=councillor, decision=decision, follow=False)
    assert not decision.followers.exists()


# --- visits ---------------------------------------------------------------------------------


def test_council_member_registers_a_visit_and_the_board_is_asked(council, chair):
    councillor = CouncillorFactory()
    visit = services.visit_register(
        actor=councillor, council=council, date=TODAY, topic="Kennismaking"
    )
    assert not visit.is_confirmed
    assert _rows(services.KIND_VISIT) == [(chair.pk, f"visit:{visit.pk}")]


def test_visit_needs_a_date_and_topic(council):
    with pytest.raises(ValidationError) as error:
        services.visit_register(actor=CouncillorFactory(), council=council, date=None, topic="")
    assert set(error.value.message_dict) == {"date", "topic"}


@pytest.mark.parametrize("kind", ["chair", "officer", "administrator"])
def test_only_council_members_register_visits(request, council, kind):
    with pytest.raises(PermissionDenied):
        services.visit_register(
            actor=request.getfixturevalue(kind), council=council, date=TODAY, topic="x"
        )


def test_board_confirms_a_past_visit_once(council, chair):
    visit = VisitFactory(council=council, date=TODAY)
    services.visit_confirm(actor=chair, visit=visit, today=TODAY)
    visit.refresh_from_db()
    assert visit.confirmed_by == chair and visit.is_confirmed
    with pytest.raises(ValidationError, match="al bevestigd"):
        services.visit_confirm(actor=chair, visit=visit, today=TODAY)


def test_a_visit_in_the_future_cannot_be_confirmed(council, chair):
    visit = VisitFactory(council=council, date=TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        services.visit_confirm(actor=chair, visit=visit, today=TODAY)
    assert "U bevestigt het pas als het heeft plaatsgevonden." in error.value.messages[0]
    visit.refresh_from_db()
    assert not visit.is_confirmed


@pytest.mark.parametrize("kind", ["member", "other_chair", "councillor", "officer"])
def test_only_the_visited_board_confirms(request, council, kind):
    visit = VisitFactory(council=council)
    with pytest.raises(PermissionDenied):
        services.visit_confirm(actor=request.getfixturevalue(kind), visit=visit)


def test_confirmed_meetings_count_only_confirmed_visits_in_the_period(council, chair):
    start, end = datetime.date(TODAY.year, 1, 1), datetime.date(TODAY.year, 12, 31)
    confirmed = VisitFactory(council=council, date=TODAY)
    services.visit_confirm(actor=chair, visit=confirmed, today=TODAY)
    VisitFactory(council=council, date=TODAY)  # not confirmed
    old = VisitFactory(council=council, date=datetime.date(TODAY.year - 1, 12, 31))
    services.visit_confirm(actor=chair, visit=old, today=TODAY)
    assert selectors.confirmed_meetings(start, end) == 1
    assert selectors.meetings_in_period(_year_of(TODAY)) == 1
    assert Visit.objects.count() == 3


def test_rules_for_each_kind(council, chair, member, other_chair, officer):
    councillor = CouncillorFactory()
    visit = VisitFactory(council=council)
    assert chair.has_perm("council.confirm_visit", visit)
    assert not other_chair.has_perm("council.confirm_visit", visit)
    assert not member.has_perm("council.confirm_visit", visit)
    assert chair.has_perm("council.give_viewpoint", council)
    assert not other_chair.has_perm("council.give_viewpoint", council)
    assert councillor.has_perm("council.reply_viewpoint")
    assert not chair.has_perm("council.reply_viewpoint")
    assert officer.has_perm("council.manage_decision")
    assert not councillor.has_perm("council.manage_decision")
    assert not officer.has_perm("council.change_decision")  # the admin only shows


def _year_of(day):
    return Period(
        start=datetime.date(day.year, 1, 1),
        end=datetime.date(day.year, 12, 31),
        now=timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59))),
    )
