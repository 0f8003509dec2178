"""Issue 15, "No superuser in daily use": administrators (kind beheerder) are staff, not
superusers, and get every right from the rules — so a wijkraad board's writes are refused to
them like to anyone outside the board, while their own work in the admin goes on. The
superuser is only the break-glass account `createsuperuser` makes, and its login stands out
in the audit log."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from contracts.beheerexperiment.models import BudgetDecision
from roles.models import RoleDeclaration
from tests.contracts.factories import LineFactory, PilotFactory
from tests.factories import (
    PASSWORD,
    AdministratorFactory,
    BreakGlassFactory,
    CouncilFactory,
    DepartmentFactory,
    InvitationFactory,
    OfficerFactory,
    UserFactory,
    totp_code,
)
from wijkportaal.accounts import services
from wijkportaal.accounts.audit import BREAK_GLASS_DETAIL
from wijkportaal.accounts.demo import seed_accounts
from wijkportaal.accounts.models import AuthEvent, AuthEventKind, User, UserKind

pytestmark = pytest.mark.django_db


def test_an_invited_administrator_is_staff_but_no_superuser():
    # On main the accepted invitation made a superuser, who passes every rule.
    invitation = InvitationFactory(kind=UserKind.ADMINISTRATOR, council=None, function="")
    user = services.invitation_accept(token=invitation.token, password=PASSWORD)
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("accounts.change_user") and user.has_perm("accounts.add_invitation")


def test_the_demo_administrator_is_no_superuser(settings):
    settings.DEMO_ACCOUNTS_ENABLED = True
    DepartmentFactory(slug="wijkzaken-en-participatie")
    CouncilFactory(slug="bloemenbuurt")
    CouncilFactory(slug="havenkwartier")
    seed_accounts()
    administrator = User.objects.get(kind=UserKind.ADMINISTRATOR)
    assert administrator.is_staff and not administrator.is_superuser
    assert not User.objects.filter(is_superuser=True).exists()


def test_the_migration_demotes_administrators_and_leaves_other_superusers_alone():
    migration = importlib.import_module(
        "wijkportaal.accounts.migrations.0005_administrators_not_superusers"
    )
    daily = UserFactory(kind=UserKind.ADMINISTRATOR, is_staff=True, is_superuser=True)
    other = UserFactory(kind=UserKind.CITY_COUNCILLOR, is_staff=True, is_superuser=True)
    migration.administrators_not_superusers(apps, None)
    daily.refresh_from_db()
    other.refresh_from_db()
    assert daily.is_staff and not daily.is_superuser
    assert other.is_superuser


def test_administrator_cannot_declare_a_role_for_a_wijkraad(client):
    # On main GET and POST answered 200/302 for an administrator and the declaration existed.
    council = CouncilFactory()
    client.force_login(AdministratorFactory())
    url = f"/wijkraden/{council.slug}/rollen/nieuw/"
    assert client.get(url).status_code == 404
    data = {"role": "netwerkorganisatie", "start": timezone.localdate().isoformat()}
    assert client.post(url, data).status_code == 404
    assert not RoleDeclaration.objects.exists()


def test_administrator_cannot_record_a_budget_decision(client):
    # On main the form opened and the decision was recorded in the board's name.
    line = LineFactory(pilot=PilotFactory(), amount=Decimal("1000.00"))
    client.force_login(AdministratorFactory())
    url = f"/beheerexperiment/{line.pilot.pk}/besluiten/nieuw/"
    assert client.get(url).status_code == 404
    data = {
        "line": line.pk,
        "decided_on": timezone.localdate().isoformat(),
        "amount": "100",
        "purpose": "Buurtfeest",
        "recipient": "Buurtvereniging",
    }
    assert client.post(url, data).status_code == 404
    assert not BudgetDecision.objects.exists()
    line.refresh_from_db()
    assert line.spent == 0


def _user_change_data(user, **changes):
    data = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "kind": user.kind,
        "department": user.department_id or "",
        "party": user.party,
        "language": user.language,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "memberships-TOTAL_FORMS": 0,
        "memberships-INITIAL_FORMS": 0,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
        "_save": "Opslaan",
    }
    data.update(changes)
    return data


def test_administrator_can_change_a_user_in_the_admin(client):
    colleague = OfficerFactory(last_name="Oud")
    client.force_login(AdministratorFactory())
    url = f"/admin/accounts/user/{colleague.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, _user_change_data(colleague, last_name="Nieuw"))
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.last_name == "Nieuw"


def test_administrator_cannot_make_anyone_a_superuser_in_the_admin(client):
    administrator = AdministratorFactory()
    client.force_login(administrator)
    url = f"/admin/accounts/user/{administrator.pk}/change/"
    page = client.get(url).text
    assert 'name="is_superuser"' not in page
    response = client.post(url, _user_change_data(administrator, is_superuser="on"))
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser


def test_administrator_can_change_a_wijkraad_in_the_admin(client):
    council = CouncilFactory(name="Wijkraad Oud")
    client.force_login(AdministratorFactory())
    url = f"/admin/wijkraden/neighbourhoodcouncil/{council.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="name"' in page.text


def test_officer_cannot_change_a_user_in_the_admin(client):
    colleague = OfficerFactory(last_name="Oud")
    client.force_login(OfficerFactory())
    url = f"/admin/accounts/user/{colleague.pk}/change/"
    response = client.post(url, _user_change_data(colleague, last_name="Nieuw"))
    assert response.status_code == 403
    colleague.refresh_from_db()
    assert colleague.last_name == "Oud"


def test_break_glass_login_stands_out_in_the_audit_log(client, caplog):
    user = BreakGlassFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    client.post(response["Location"], {"code": totp_code()})
    event = AuthEvent.objects.get(kind=AuthEventKind.LOGIN, user=user)
    assert event.detail == BREAK_GLASS_DETAIL
    assert "Break-glass superuser logged in" in caplog.text


def test_an_administrator_login_is_an_ordinary_audit_row(client):
    user = AdministratorFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post(response["Location"], {"code": totp_code()})
    event = AuthEvent.objects.get(kind=AuthEventKind.LOGIN, user=user)
    assert event.detail == ""


def test_createsuperuser_makes_the_break_glass_account():
    user = User.objects.create_superuser("nood@gemeente.test", PASSWORD)
    assert user.is_superuser and user.is_staff and user.kind == UserKind.ADMINISTRATOR
