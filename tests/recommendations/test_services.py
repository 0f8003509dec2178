import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from recommendations import selectors, services
from recommendations.models import Follow, Reaction
from recommendations.reminders import KIND_DEPENDENCY_DONE
from tests.factories import DepartmentFactory, MembershipFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from wijkportaal.core import pagecache
from wijkportaal.core.money import format_money
from wijkportaal.desk import services as desk_services
from wijkportaal.desk.models import Case, CaseEvent, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


# --- Planning ---------------------------------------------------------------------------------


def test_due_date_before_start_is_refused():
    with pytest.raises(ValidationError) as error:
        services.action_validate(
            action_id=None,
            start_date=datetime.date(2026, 12, 1),
            due_date=datetime.date(2026, 11, 1),
        )
    assert "vóór de startdatum" in error.value.message_dict["due_date"][0]


def test_progress_outside_0_100_is_refused_in_planning():
    with pytest.raises(ValidationError) as error:
        services.action_validate(action_id=None, start_date=None, due_date=None, progress=120)
    assert "tussen 0 en 100" in error.value.message_dict["progress"][0]


def test_dependency_cycle_is_refused():
    first, second, third = ActionItemFactory(), ActionItemFactory(), ActionItemFactory()
    second.dependencies.add(first)
    third.dependencies.add(second)
    with pytest.raises(ValidationError) as error:
        services.action_validate(
            action_id=first.pk, start_date=None, due_date=None, dependency_ids=[third.pk]
        )
    assert "kringloop" in error.value.message_dict["dependencies"][0]


def test_action_cannot_wait_on_itself():
    action = ActionItemFactory()
    with pytest.raises(ValidationError) as error:
        services.action_validate(
            action_id=action.pk, start_date=None, due_date=None, dependency_ids=[action.pk]
        )
    assert "zichzelf" in error.value.message_dict["dependencies"][0]


def test_a_chain_without_cycle_is_fine(django_assert_max_num_queries):
    first, second, third = ActionItemFactory(), ActionItemFactory(), ActionItemFactory()
    second.dependencies.add(first)
    with django_assert_max_num_queries(1):
        services.action_validate(
            action_id=third.pk,
            start_date=datetime.date(2026, 1, 1),
            due_date=datetime.date(2026, 1, 1),
            dependency_ids=[second.pk, first.pk],
        )


# --- Progress and its notifications -----------------------------------------------------------


def test_finishing_a_dependency_tells_the_waiting_owner(
    administrator, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    roles = ActionItemFactory(title="Werkgroep rollen")
    owner = OfficerFactory(email="campagne@gemeente.test")
    campaign = ActionItemFactory(title="Promotiecampagne", responsible=owner)
    campaign.dependencies.add(roles)
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_update_create(
            actor=administrator, action=roles, text="Rollen uitgewerkt", status="afgerond"
        )
    notification = Notification.objects.get(kind=KIND_DEPENDENCY_DONE)
    assert notification.recipient == owner
    assert "Werkgroep rollen" in notification.subject
    assert "u kunt beginnen" in notification.body_text
    assert f"/voortgang/acties/{campaign.pk}/" in notification.body_text
    assert [m.to for m in mail.outbox] == [[owner.email]]
    # A second update on the finished action sends nothing new.
    services.progress_update_create(actor=administrator, action=roles, text="Nagekomen verslag")
    assert Notification.objects.filter(kind=KIND_DEPENDENCY_DONE).count() == 1


def test_an_update_refreshes_the_cached_monitor(administrator):
    action = ActionItemFactory(recommendations=[RecommendationFactory(number=3)])
    assert selectors.monitor_summary()["headline"]["progress"] == 0
    services.progress_update_create(actor=administrator, action=action, text="x", progress=40)
    assert selectors.monitor_summary()["headline"]["progress"] == 40


def test_the_monitor_counts_each_action_once_and_only_open_ones_as_overdue():
    """An action that serves two recommendations counts under both, but once in the headline;
    a finished action past its date is not overdue; a cancelled one does not count towards
    the progress."""
    one, two = RecommendationFactory(number=1), RecommendationFactory(number=2)
    past = datetime.date.today() - datetime.timedelta(days=30)
    ActionItemFactory(recommendations=[one, two], status="lopend", progress=60, due_date=past)
    ActionItemFactory(recommendations=[one], status="afgerond", progress=100, due_date=past)
    ActionItemFactory(recommendations=[two], status="vervallen", progress=0, due_date=past)

    summary = selectors._build_monitor_summary(datetime.date.today())
    assert summary["headline"] == {
        "recommendations": 2,
        "actions": 3,
        "done": 1,
        "running": 1,
        "overdue": 1,
        "progress": 80,
    }
    first, second = summary["rows"]
    assert (first["action_count"], first["overdue"], first["progress"]) == (2, 1, 80)
    assert (second["action_count"], second["overdue"], second["progress"]) == (2, 1, 60)
    counts = {item["status"]: item["count"] for item in second["status_counts"]}
    assert counts == {"gepland": 0, "lopend": 1, "geblokkeerd": 0, "afgerond": 0, "vervallen": 1}


# --- Reactions --------------------------------------------------------------------------------


def test_member_reacts_and_the_reaction_carries_their_wijkraad(member, council):
    action = ActionItemFactory()
    reaction = services.reaction_create(actor=member, action=action, text="  Fijn dat dit loopt. ")
    assert reaction.council == council
    assert reaction.text == "Fijn dat dit loopt."


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_reaction_is_refused(member, text):
    with pytest.raises(ValidationError) as error:
        services.reaction_create(actor=member, action=ActionItemFactory(), text=text)
    assert "lege reactie" in error.value.message_dict["text"][0]
    assert not Reaction.objects.exists()


def test_reaction_over_2000_characters_is_refused(member):
    with pytest.raises(ValidationError) as error:
        services.reaction_create(actor=member, action=ActionItemFactory(), text="a" * 2001)
    assert "hoogstens 2000 tekens" in error.value.message_dict["text"][0]
    assert not Reaction.objects.exists()


def test_reaction_of_exactly_2000_characters_is_fine(member):
    services.reaction_create(actor=member, action=ActionItemFactory(), text="a" * 2000)
    assert Reaction.objects.count() == 1


@pytest.mark.parametrize("who", ["officer", "councillor", "resident_user"])
def test_non_members_cannot_react(request, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.reaction_create(actor=user, action=ActionItemFactory(), text="Hallo")


def test_former_member_cannot_react():
    membership = MembershipFactory(start=datetime.date(2020, 1, 1), end=datetime.date(2021, 1, 1))
    with pytest.raises(PermissionDenied):
        services.reaction_create(actor=membership.person, action=ActionItemFactory(), text="Hoi")


def test_officer_hides_a_reaction_with_a_reason_and_it_is_kept(member, officer):
    reaction = services.reaction_create(
        actor=member, action=ActionItemFactory(), text="Scheldwoord"
    )
    services.reaction_hide(actor=officer, reaction=reaction, reason="Kwetsend taalgebruik")
    reaction.refresh_from_db()
    assert reaction.is_hidden and reaction.hidden_by == officer
    assert reaction.text == "Scheldwoord"
    latest = reaction.history.first()
    assert latest.history_change_reason == "Kwetsend taalgebruik"
    assert reaction.history.count() == 2


def test_hiding_without_reason_is_refused(member, officer):
    reaction = services.reaction_create(actor=member, action=ActionItemFactory(), text="Tekst")
    with pytest.raises(ValidationError) as error:
        services.reaction_hide(actor=officer, reaction=reaction, reason="  ")
    assert "reden" in error.value.message_dict["hidden_reason"][0]
    reaction.refresh_from_db()
    assert not reaction.is_hidden


def test_a_reaction_opens_one_case_at_the_actions_department(member, council):
    department = DepartmentFactory(email="ruimte@gemeente.test")
    dept_officer = OfficerFactory(department=department)
    action = ActionItemFactory(department=department)
    reaction = services.reaction_create(actor=member, action=action, text="Graag meer tempo.")
    case = Case.objects.get()
    assert (case.kind, case.subject, case.council, case.submitted_by, case.department) == (
        "recommendations.reaction",
        reaction,
        council,
        member,
        department,
    )
    assert action.title in case.title and case.summary == "Graag meer tempo."
    rows = Notification.objects.order_by("kind", "recipient_key")
    assert [(row.kind, row.recipient_key) for row in rows] == [
        ("desk.new_case", "a:ruimte@gemeente.test"),
        ("desk.new_case", f"u:{dept_officer.pk}"),
        ("desk.receipt", f"u:{member.pk}"),
    ]


def test_a_refused_reaction_opens_no_case(member):
    with pytest.raises(ValidationError):
        services.reaction_create(actor=member, action=ActionItemFactory(), text=" ")
    assert not Case.objects.exists() and not Notification.objects.exists()


def test_hiding_a_reaction_closes_its_case_with_the_reason_once(member, officer):
    reaction = services.reaction_create(actor=member, action=ActionItemFactory(), text="Tekst")
    services.reaction_hide(actor=officer, reaction=reaction, reason="Kwetsend taalgebruik")
    case = Case.objects.get()
    assert case.status == CaseStatus.CLOSED
    assert "Kwetsend taalgebruik" in case.closed_reason
    assert CaseEvent.objects.filter(case=case, event="closed").count() == 1
    closed = Notification.objects.filter(kind="desk.closed")
    assert [row.recipient_key for row in closed] == [f"u:{member.pk}"]


@pytest.mark.parametrize("public", [True, False])
def test_a_public_desk_answer_shows_under_the_reaction(member, public):
    department = DepartmentFactory()
    dept_officer = OfficerFactory(department=department)
    reaction = services.reaction_create(
        actor=member, action=ActionItemFactory(department=department), text="Wanneer start dit?"
    )
    desk_services.case_answer(
        actor=dept_officer, case=Case.objects.get(), text="In maart.", public=public
    )
    reaction.refresh_from_db()
    if public:
        assert reaction.answer == "In maart." and reaction.answered_at is not None
        assert reaction.answered_by_department == department.name
    else:
        assert reaction.answer == "" and reaction.answered_at is None
    assert Notification.objects.filter(kind="desk.answer_own").count() == 1


def test_member_cannot_hide_a_reaction(member):
    reaction = services.reaction_create(actor=member, action=ActionItemFactory(), text="Tekst")
    with pytest.raises(PermissionDenied):
        services.reaction_hide(actor=member, reaction=reaction, reason="Weg ermee")


# --- Following --------------------------------------------------------------------------------


def test_councillor_follows_and_unfollows_idempotently(councillor):
    recommendation = RecommendationFactory(number=4)
    action = ActionItemFactory()
    services.follow_create(actor=councillor, recommendation=recommendation)
    services.follow_create(actor=councillor, recommendation=recommendation)
    services.follow_create(actor=councillor, action=action)
    assert Follow.objects.filter(user=councillor).count() == 2
    services.follow_delete(actor=councillor, recommendation=recommendation)
    services.follow_delete(actor=councillor, recommendation=recommendation)
    assert list(Follow.objects.values_list("action", flat=True)) == [action.pk]


def test_follow_needs_exactly_one_target(councillor):
    with pytest.raises(ValueError):
        services.follow_create(actor=councillor)


def test_euros_are_formatted_the_dutch_way():
    # The action page shows its money with core's format_money (the `euro` filter).
    with translation.override("nl"):
        assert format_money(Decimal("12500")) == "€ 12.500,00"
        assert format_money(Decimal("1234567.5")) == "€ 1.234.567,50"
        assert format_money(None, empty="") == ""


def test_a_change_in_this_process_is_seen_at_once_even_with_a_version_ttl(settings, administrator):
    from recommendations import cache as monitor_cache

    settings.PAGECACHE_VERSION_TTL = 60
    action = ActionItemFactory(recommendations=[RecommendationFactory(number=2)])
    before = monitor_cache.monitor_version()
    assert monitor_cache.monitor_version() == before
    services.progress_update_create(actor=administrator, action=action, text="x", progress=10)
    assert monitor_cache.monitor_version() != before
    pagecache.clear_local()
