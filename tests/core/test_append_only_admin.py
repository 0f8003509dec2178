"""Issue 15: append-only records — progress updates, transitions, budget decisions, role
declarations, indicator snapshots, answer versions, desk cases and their history, the audit
log — are never added, changed or deleted in the admin, by anyone: officer, administrator or
the break-glass superuser. They are shown (to who may view them); corrections are new records
written by the services."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone

from contracts.beheerexperiment.models import BudgetDecision
from contracts.uitdaagrecht.admin import ProposalTransitionInline
from contracts.wijkcontracten.admin import ContractTransitionInline
from recommendations.admin import AnswerVersionInline, ProgressUpdateInline
from recommendations.models import AnswerVersion, IndicatorSnapshot, ProgressUpdate
from roles.models import RoleDeclaration
from tests.desk.factories import CaseFactory
from tests.factories import AdministratorFactory, BreakGlassFactory, OfficerFactory
from tests.recommendations.factories import (
    IndicatorFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
)
from tests.roles.factories import RoleDeclarationFactory
from training.admin import ConferenceTransitionInline
from wijkportaal.accounts.models import AuthEvent, AuthEventKind
from wijkportaal.core.admin import AppendOnlyAdmin
from wijkportaal.desk.admin import CaseEventInline
from wijkportaal.desk.models import Case

pytestmark = pytest.mark.django_db

WRITERS = [AdministratorFactory, BreakGlassFactory]


def progress_update():
    return ProgressUpdateFactory()


def role_declaration():
    return RoleDeclarationFactory(subject="Marktplein")


def indicator_snapshot():
    return IndicatorSnapshot.objects.create(
        indicator=IndicatorFactory(),
        kind="maandelijks",
        month=datetime.date(2026, 1, 1),
        taken_at=timezone.now(),
        value=1,
        target=2,
        status="achter",
        live=False,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )


def answer_version():
    recommendation = RecommendationFactory()
    return AnswerVersion.objects.create(
        recommendation=recommendation,
        valid_from=datetime.date(2025, 6, 30),
        stance=recommendation.stance,
        answer=recommendation.answer,
    )


def case():
    return CaseFactory()


def auth_event():
    return AuthEvent.objects.create(kind=AuthEventKind.LOGIN, login="iemand@example.test")


RECORDS = {
    "recommendations/progressupdate": (ProgressUpdate, progress_update),
    "roles/roledeclaration": (RoleDeclaration, role_declaration),
    "recommendations/indicatorsnapshot": (IndicatorSnapshot, indicator_snapshot),
    "recommendations/answerversion": (AnswerVersion, answer_version),
    "desk/case": (Case, case),
    "accounts/authevent": (AuthEvent, auth_event),
}


def test_every_append_only_admin_uses_the_one_mixin():
    for path, (model, _make) in RECORDS.items():
        assert isinstance(admin.site._registry[model], AppendOnlyAdmin), path
    assert isinstance(admin.site._registry[BudgetDecision], AppendOnlyAdmin)


@pytest.mark.parametrize("who", WRITERS, ids=["administrator", "break_glass"])
@pytest.mark.parametrize("path", RECORDS)
def test_nobody_can_delete_an_append_only_record_in_the_admin(client, who, path):
    # On main the (superuser) administrator got the delete page of a progress update and of a
    # role declaration, and deleting worked. Now: 403, and the record stays.
    model, make = RECORDS[path]
    record = make()
    client.force_login(who())
    url = f"/admin/{path}/{record.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = client.get(f"/admin/{path}/")
    assert changelist.status_code == 200
    assert 'value="delete_selected"' not in changelist.text
    client.post(
        f"/admin/{path}/",
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("who", WRITERS, ids=["administrator", "break_glass"])
@pytest.mark.parametrize("path", RECORDS)
def test_nobody_can_change_or_add_an_append_only_record_in_the_admin(client, who, path):
    model, make = RECORDS[path]
    record = make()
    client.force_login(who())
    page = client.get(f"/admin/{path}/{record.pk}/change/")
    assert page.status_code == 200  # shown read-only
    assert 'name="_save"' not in page.text
    assert client.post(f"/admin/{path}/{record.pk}/change/", {}).status_code == 403
    assert client.get(f"/admin/{path}/add/").status_code == 403


@pytest.mark.parametrize("who", [OfficerFactory, *WRITERS], ids=["officer", "admin", "break_glass"])
def test_nobody_can_change_a_role_declaration_through_its_history_page(client, who):
    # django-simple-history saves a POST to the "revert" page for anyone who may view the
    # record. On main this POST answered 302 and the declaration had become "zelforganisatie,
    # Iets anders" — even for an officer, who may only view. Now: 403, unchanged.
    declaration = role_declaration()
    version = declaration.history.get()
    client.force_login(who())
    url = f"/admin/roles/roledeclaration/{declaration.pk}/history/{version.history_id}/"
    assert client.get(url).status_code == 200
    data = {
        "council": declaration.council_id,
        "role": "zelforganisatie",
        "frameworks_acknowledged": "on",
        "subject": "Iets anders",
        "start": declaration.start.isoformat(),
        "declared_at_0": declaration.declared_at.date().isoformat(),
        "declared_at_1": "10:00:00",
        "declared_by": declaration.declared_by_id,
    }
    assert client.post(url, data).status_code == 403
    declaration.refresh_from_db()
    assert (declaration.subject, declaration.role) == ("Marktplein", "netwerkorganisatie")


def test_officer_cannot_change_a_recommendation_through_its_history_page(client):
    recommendation = RecommendationFactory(title="Twee rollen")
    version = recommendation.history.first()
    client.force_login(OfficerFactory())
    url = f"/admin/recommendations/recommendation/{recommendation.pk}/history/{version.history_id}/"
    assert client.post(url, {"title": "Anders"}).status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.title == "Twee rollen"


@pytest.mark.parametrize(
    "inline",
    [
        ProgressUpdateInline,
        AnswerVersionInline,
        CaseEventInline,
        ContractTransitionInline,
        ProposalTransitionInline,
        ConferenceTransitionInline,
    ],
)
def test_append_only_history_under_its_parent_is_read_only_for_everyone(inline):
    request = RequestFactory().get("/admin/")
    request.user = BreakGlassFactory()
    shown = inline(inline.model, admin.site)
    assert not shown.has_add_permission(request, None)
    assert not shown.has_change_permission(request, None)
    assert not shown.has_delete_permission(request, None)
    assert not shown.can_delete


def test_administrator_cannot_delete_an_action_and_with_it_its_progress_updates(client):
    # Deleting the parent would take the timeline with it: the admin asks the delete right of
    # every row that would go, and nobody has it for a progress update.
    update = progress_update()
    client.force_login(AdministratorFactory())
    url = f"/admin/recommendations/actionitem/{update.action_id}/delete/"
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()


@pytest.mark.parametrize("who", WRITERS)
def test_a_contract_that_took_a_step_cannot_be_deleted_with_its_steps(client, who):
    """Deleting a contract, proposal or conference would delete its transitions with it: once
    it has taken a step the admin offers no delete (single or bulk); one that never moved may
    still be removed."""
    from contracts.wijkcontracten.models import Contract, ContractTransition
    from tests.contracts.factories import ContractFactory, SignedContractFactory

    signed, draft = SignedContractFactory(), ContractFactory()
    assert signed.transitions.exists() and not draft.transitions.exists()
    client.force_login(who())
    url = f"/admin/contracts/contract/{signed.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = client.get("/admin/contracts/contract/")
    assert changelist.status_code == 200 and 'value="delete_selected"' not in changelist.text
    client.post(
        "/admin/contracts/contract/",
        {"action": "delete_selected", "_selected_action": [signed.pk], "post": "yes"},
    )
    assert Contract.objects.filter(pk=signed.pk).exists()
    assert ContractTransition.objects.filter(contract=signed).exists()
    assert client.get(f"/admin/contracts/contract/{draft.pk}/delete/").status_code == 200
