import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from recommendations.models import ACTION_MACHINE, ActionStatus, ProgressUpdate
from recommendations.services import progress_update_create
from tests.factories import OfficerFactory
from tests.recommendations.factories import ActionItemFactory

pytestmark = pytest.mark.django_db


def test_officer_of_owning_department_posts_update_with_status_and_progress():
    action = ActionItemFactory()
    officer = OfficerFactory(department=action.department)
    update = progress_update_create(
        actor=officer,
        action=action,
        text="Eerste bijeenkomst gehouden.",
        status="lopend",
        progress=20,
    )
    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionStatus.RUNNING, 20)
    assert (
        update.status_before,
        update.status_after,
        update.progress_before,
        update.progress_after,
    ) == (
        "gepland",
        "lopend",
        0,
        20,
    )
    assert action.last_progress_at == update.created_at


def test_officer_of_another_department_cannot_post(officer):
    action = ActionItemFactory()
    with pytest.raises(PermissionDenied):
        progress_update_create(actor=officer, action=action, text="Niet mijn actie.")
    assert not ProgressUpdate.objects.exists()


def test_council_member_cannot_post(member):
    with pytest.raises(PermissionDenied):
        progress_update_create(actor=member, action=ActionItemFactory(), text="Hallo")


def test_update_without_text_is_refused_and_nothing_changes(administrator):
    action = ActionItemFactory()
    with pytest.raises(ValidationError) as error:
        progress_update_create(actor=administrator, action=action, text="   ", status="lopend")
    assert "Schrijf bij elke update" in str(error.value)
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_outside_0_100_is_refused(administrator, progress):
    with pytest.raises(ValidationError) as error:
        progress_update_create(
            actor=administrator, action=ActionItemFactory(), text="x", progress=progress
        )
    assert "tussen 0 en 100" in str(error.value)


def test_action_waiting_on_unfinished_dependency_cannot_be_done(administrator):
    roles = ActionItemFactory(title="Werkgroep rollen")
    campaign = ActionItemFactory(title="Promotiecampagne")
    campaign.dependencies.add(roles)
    with pytest.raises(ValidationError) as error:
        progress_update_create(
            actor=administrator, action=campaign, text="Klaar", status="afgerond"
        )
    assert "wacht nog op: Werkgroep rollen" in str(error.value)
    progress_update_create(
        actor=administrator, action=roles, text="Rollen uitgewerkt", status="afgerond"
    )
    update = progress_update_create(
        actor=administrator,
        action=campaign,
        text="Campagne gevoerd",
        status="afgerond",
        progress=60,
    )
    campaign.refresh_from_db()
    assert campaign.status == ActionStatus.DONE
    assert campaign.progress == 100 == update.progress_after


def test_the_transition_table_lists_the_moves_an_update_may_make():
    assert {state: set(ACTION_MACHINE.targets(state)) for state in ActionStatus.values} == {
        "gepland": {"lopend", "geblokkeerd", "afgerond", "vervallen"},
        "lopend": {"gepland", "geblokkeerd", "afgerond", "vervallen"},
        "geblokkeerd": {"gepland", "lopend", "afgerond", "vervallen"},
        "afgerond": {"lopend"},
        "vervallen": {"gepland", "lopend"},
    }


def test_administrator_can_reopen_a_finished_action(administrator):
    action = ActionItemFactory(status=ActionStatus.DONE, progress=100)
    update = progress_update_create(
        actor=administrator, action=action, text="Er kwam nog werk bij.", status="lopend"
    )
    action.refresh_from_db()
    assert (action.status, update.status_before, update.status_after) == (
        "lopend",
        "afgerond",
        "lopend",
    )


@pytest.mark.parametrize(
    ("current", "target"),
    [("afgerond", "gepland"), ("afgerond", "vervallen"), ("vervallen", "afgerond")],
)
def test_administrator_cannot_make_a_move_outside_the_table(administrator, current, target):
    action = ActionItemFactory(status=current, progress=100 if current == "afgerond" else 0)
    with pytest.raises(ValidationError) as error:
        progress_update_create(actor=administrator, action=action, text="x", status=target)
    assert "kan niet naar" in error.value.message_dict["status"][0]
    action.refresh_from_db()
    assert action.status == current and not ProgressUpdate.objects.exists()


def test_an_update_that_keeps_the_status_is_no_move(administrator):
    action = ActionItemFactory(status=ActionStatus.CANCELLED)
    update = progress_update_create(
        actor=administrator, action=action, text="Ter informatie: het budget is teruggegeven."
    )
    assert update.status_before == update.status_after == "vervallen"
