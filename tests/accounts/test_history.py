"""Issue 15 item 8: the change history of users, memberships, invitations and budget lines.

On main a change to a person's kind, a seat in a wijkraad, an invitation or a budget line's
amount left no trace of who made it: the admin had no "Geschiedenis" for them. Now every
change is a historical row with who and when, shown read-only in the admin (the history of
accounts and invitations to administrators only), without the password hash or the
invitation's token, and deleted after AUDIT_RETENTION_DAYS by the audit purge."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from contracts.beheerexperiment.models import BudgetLine
from tests.contracts.factories import LineFactory, PilotFactory
from tests.factories import (
    PASSWORD,
    AdministratorFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
)
from wijkportaal.accounts import services
from wijkportaal.accounts.models import Invitation, User, UserKind
from wijkportaal.accounts.tasks import purge_auth_events
from wijkportaal.wijkraden.models import Function, Membership

pytestmark = pytest.mark.django_db


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


def _change_kind_in_the_admin(client, administrator, person):
    client.force_login(administrator)
    url = f"/admin/accounts/user/{person.pk}/change/"
    response = client.post(
        url, _user_change_data(person, kind=UserKind.CITY_COUNCILLOR, party="Stadsbelang")
    )
    assert response.status_code == 302, response.content[:2000]


def test_changing_a_users_kind_in_the_admin_records_who_and_when(client):
    person = UserFactory(last_name="Jansen")
    administrator = AdministratorFactory()
    before = timezone.now()
    _change_kind_in_the_admin(client, administrator, person)
    latest = person.history.latest("history_date")
    assert latest.kind == UserKind.CITY_COUNCILLOR and latest.party == "Stadsbelang"
    assert latest.history_type == "~"
    assert latest.history_user == administrator
    assert latest.history_date >= before
    # The row before it still says what the person was.
    assert latest.prev_record.kind == UserKind.COUNCIL_MEMBER


def test_the_history_never_holds_the_password_hash_or_the_last_login(client):
    person = UserFactory()
    administrator = AdministratorFactory()
    _change_kind_in_the_admin(client, administrator, person)
    person.refresh_from_db()
    history_model = User.history.model
    names = {field.name for field in history_model._meta.get_fields()}
    assert "password" not in names and "last_login" not in names
    table = connection.introspection.get_table_description(
        connection.cursor(), history_model._meta.db_table
    )
    assert "password" not in {column.name for column in table}
    assert person.password not in str(list(history_model.objects.values_list()))


def test_a_login_leaves_no_history_row(client):
    person = UserFactory()
    rows = person.history.count()
    response = client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.last_login is not None
    assert person.history.count() == rows


def test_changing_a_memberships_function_in_the_admin_records_who_and_when(client):
    membership = MembershipFactory(function=Function.MEMBER)
    officer = OfficerFactory()
    client.force_login(officer)
    url = f"/admin/wijkraden/membership/{membership.pk}/change/"
    response = client.post(
        url,
        {
            "person": membership.person_id,
            "council": membership.council_id,
            "function": Function.TREASURER,
            "start": membership.start.isoformat(),
            "end": "",
            "_save": "Opslaan",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    latest = membership.history.latest("history_date")
    assert latest.function == Function.TREASURER and latest.history_user == officer
    # The staff who keep the memberships read the history, with the officer's name.
    page = client.get(f"/admin/wijkraden/membership/{membership.pk}/history/")
    assert page.status_code == 200
    assert officer.email in page.text or str(officer) in page.text


def test_an_invitation_and_its_acceptance_record_who_did_it_but_never_the_token(council):
    officer = OfficerFactory()
    invitation = services.invitation_create(
        actor=officer,
        email="nieuw@example.test",
        kind=UserKind.COUNCIL_MEMBER,
        council=council,
        function=Function.SECRETARY,
    )
    created = invitation.history.get()
    assert created.history_type == "+" and created.history_user == officer
    assert "token" not in {field.name for field in Invitation.history.model._meta.get_fields()}
    assert invitation.token not in str(list(Invitation.history.model.objects.values_list()))

    user = services.invitation_accept(token=invitation.token, password=PASSWORD)
    accepted = invitation.history.latest("history_date")
    assert accepted.accepted_at is not None and accepted.history_user == user
    seat = Membership.objects.get(person=user).history.get()
    assert seat.function == Function.SECRETARY and seat.history_user == user


def test_changing_a_budget_lines_amount_in_the_admin_records_who_and_when(client):
    line = LineFactory(pilot=PilotFactory(), amount=Decimal("1000.00"))
    administrator = AdministratorFactory()
    client.force_login(administrator)
    url = f"/admin/contracts/budgetline/{line.pk}/change/"
    response = client.post(url, {"amount": "1500.00", "_save": "Opslaan"})
    assert response.status_code == 302, response.content[:2000]
    line.refresh_from_db()
    assert line.amount == Decimal("1500.00")
    latest = line.history.latest("history_date")
    assert latest.amount == Decimal("1500.00") and latest.history_user == administrator
    assert latest.prev_record.amount == Decimal("1000.00")
    # The pilot's page links each line to its history.
    pilot_page = client.get(f"/admin/contracts/budgetpilot/{line.pilot_id}/change/")
    assert f"/admin/contracts/budgetline/{line.pk}/history/" in pilot_page.text
    history = client.get(f"/admin/contracts/budgetline/{line.pk}/history/")
    assert history.status_code == 200 and "1500" in history.text


def test_an_administrator_reads_a_users_history_an_officer_does_not(client):
    person = UserFactory()
    administrator = AdministratorFactory(first_name="Beheer", last_name="Der")
    _change_kind_in_the_admin(client, administrator, person)
    url = f"/admin/accounts/user/{person.pk}/history/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Beheer Der" in page.text or administrator.email in page.text
    # An officer may see the account, not how it changed (personal data).
    client.force_login(OfficerFactory())
    assert client.get(f"/admin/accounts/user/{person.pk}/change/").status_code == 200
    assert client.get(url).status_code == 403
    record = person.history.latest("history_date")
    assert client.get(f"{url}{record.history_id}/").status_code == 403


def test_the_history_revert_post_is_refused_to_an_administrator(client):
    person = UserFactory()
    administrator = AdministratorFactory()
    _change_kind_in_the_admin(client, administrator, person)
    first = person.history.earliest("history_date")
    url = f"/admin/accounts/user/{person.pk}/history/{first.history_id}/"
    assert client.get(url).status_code == 200  # an old version, to read
    data = _user_change_data(person, kind=UserKind.COUNCIL_MEMBER, party="")
    assert client.post(url, data).status_code == 403
    person.refresh_from_db()
    assert person.kind == UserKind.CITY_COUNCILLOR


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_the_purge_removes_history_older_than_the_retention_period_and_keeps_the_rest():
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=31)):
        old_user = UserFactory(last_name="Oud")
        old_membership = MembershipFactory(person=old_user)
        old_line = LineFactory()
        old_invitation = services.invitation_create(
            actor=OfficerFactory(),
            email="oud@example.test",
            kind=UserKind.COUNCIL_MEMBER,
            council=old_membership.council,
            function=Function.MEMBER,
        )
    old_user.last_name = "Nieuw"
    old_user.save()
    line = BudgetLine.objects.get(pk=old_line.pk)
    line.amount = Decimal("2000.00")
    line.save()

    deleted = purge_auth_events()

    assert deleted >= 4
    assert list(old_user.history.values_list("last_name", flat=True)) == ["Nieuw"]
    assert not old_membership.history.exists()
    assert not old_invitation.history.exists()
    assert list(line.history.values_list("amount", flat=True)) == [Decimal("2000.00")]
    # The records themselves stay; only their old history goes.
    assert Membership.objects.filter(pk=old_membership.pk).exists()
    out = io.StringIO()
    call_command("purge_audit_log", stdout=out)
    assert "0 audit row(s) deleted." in out.getvalue()


def test_an_invitations_history_is_for_administrators_only(client, council):
    invitation = services.invitation_create(
        actor=AdministratorFactory(),
        email="iemand@example.test",
        kind=UserKind.COUNCIL_MEMBER,
        council=council,
        function=Function.MEMBER,
    )
    client.force_login(OfficerFactory())
    assert client.get(f"/admin/accounts/invitation/{invitation.pk}/history/").status_code == 403
    client.force_login(AdministratorFactory())
    page = client.get(f"/admin/accounts/invitation/{invitation.pk}/history/")
    assert page.status_code == 200 and invitation.token not in page.text


@override_settings(AUDIT_RETENTION_DAYS=200)
def test_the_privacy_statement_names_the_change_history_and_its_period(client):
    page = client.get("/privacy/").text
    assert "Wijzigingsgeschiedenis (accounts, uitnodigingen, lidmaatschappen" in page
    assert "200 dagen na de wijziging" in page


def test_deleting_an_account_in_the_admin_leaves_its_history_with_who_deleted_it(client):
    membership = MembershipFactory(function=Function.MEMBER)
    person = membership.person
    administrator = AdministratorFactory()
    client.force_login(administrator)
    response = client.post(f"/admin/accounts/user/{person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    gone = User.history.filter(id=person.pk).latest("history_date")
    assert gone.history_type == "-" and gone.history_user == administrator
    seat = Membership.history.filter(id=membership.pk).latest("history_date")
    assert seat.history_type == "-" and seat.history_user == administrator
