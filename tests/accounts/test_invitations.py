import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import InvitationFactory, UserFactory
from wijkportaal.accounts import services
from wijkportaal.accounts.models import Invitation, User, UserKind
from wijkportaal.wijkraden.models import Function, Membership

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "wijkraad-bloem-2026"


def accept(client, token, **overrides):
    data = {
        "first_name": "Noor",
        "last_name": "Jansen",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(overrides)
    return client.post(reverse("accounts:invitation-accept", kwargs={"token": token}), data)


def test_officer_invites_a_chair_who_accepts_and_logs_in(
    client, officer, council, eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=officer,
            email="Noor@Example.test",
            kind=UserKind.COUNCIL_MEMBER,
            council=council,
            function=Function.CHAIR,
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["noor@example.test"]
    assert "Uitnodiging voor het wijkportaal" in message.subject
    link = re.search(r"http\S+/accounts/uitnodiging/\S+/", message.body).group(0)
    path = link.split("8000", 1)[-1] if "8000" in link else "/" + link.split("/", 3)[3]

    page = client.get(path)
    assert page.status_code == 200
    assert f"voorzitter van {council.name}" in page.text

    response = accept(client, invitation.token)
    assert response.status_code == 302
    user = User.objects.get(email="noor@example.test")
    assert user.kind == UserKind.COUNCIL_MEMBER
    assert Membership.objects.get(person=user).function == Function.CHAIR
    # Logged in straight away, and the password works for the next login too.
    assert client.get(reverse("core:my-page")).status_code == 200
    client.logout()
    login = client.post(
        reverse("account_login"), {"login": "noor@example.test", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302


def test_invitation_can_be_used_once(client, db):
    invitation = InvitationFactory()
    assert accept(client, invitation.token).status_code == 302
    client.logout()
    again = client.get(reverse("accounts:invitation-accept", kwargs={"token": invitation.token}))
    assert again.status_code == 410
    assert "Deze uitnodiging is al gebruikt" in again.text
    assert accept(client, invitation.token).status_code == 410
    assert User.objects.filter(email=invitation.email).count() == 1


def test_expired_invitation_explains_and_offers_a_new_one(
    client, db, eager, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=15)):
        page = client.get(reverse("accounts:invitation-accept", kwargs={"token": invitation.token}))
        assert page.status_code == 410
        assert "Deze uitnodiging is verlopen" in page.text
        assert accept(client, invitation.token).status_code == 410
        assert not User.objects.filter(email=invitation.email).exists()

        renewal = reverse("accounts:invitation-renewal", kwargs={"token": invitation.token})
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(renewal).status_code == 200
            client.post(renewal)  # asking twice notifies once
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [invitation.invited_by.email]
    assert invitation.email in mail.outbox[0].subject
    invitation.refresh_from_db()
    assert invitation.renewal_requested_at is not None


def test_unknown_invitation_token_gives_404_page(client, db):
    response = client.get(reverse("accounts:invitation-accept", kwargs={"token": "verzonnen"}))
    assert response.status_code == 404
    assert "Uitnodiging niet gevonden" in response.text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "iets-anders-2026"}, "De twee wachtwoorden zijn niet gelijk."),
        ({"password1": "kort", "password2": "kort"}, "Dit wachtwoord is te kort"),
        (
            {"password1": "12345678901", "password2": "12345678901"},
            "Dit wachtwoord bevat alleen cijfers.",
        ),
        ({"first_name": ""}, "Dit veld is verplicht."),
    ],
)
def test_bad_password_or_name_shows_dutch_error_and_creates_nothing(client, db, overrides, message):
    invitation = InvitationFactory()
    response = accept(client, invitation.token, **overrides)
    assert response.status_code == 200
    assert message in response.text
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_council_member_cannot_invite(member, council):
    with pytest.raises(services.PermissionDenied):
        services.invitation_create(
            actor=member, email="x@example.test", kind=UserKind.CITY_COUNCILLOR
        )
    assert not Invitation.objects.exists()


def test_officer_cannot_invite_an_administrator(officer):
    with pytest.raises(services.ValidationError):
        services.invitation_create(
            actor=officer, email="x@example.test", kind=UserKind.ADMINISTRATOR
        )


def test_inviting_an_existing_account_is_refused(officer):
    UserFactory(email="bestaat@example.test")
    with pytest.raises(services.ValidationError) as error:
        services.invitation_create(
            actor=officer, email="Bestaat@example.test", kind=UserKind.CITY_COUNCILLOR
        )
    assert "Er bestaat al een account" in str(error.value)


def test_officer_invites_through_the_admin_with_errors_beside_the_field(client, officer, council):
    client.force_login(officer)
    url = reverse("admin:accounts_invitation_add")
    bad = client.post(url, {"email": "nieuw@example.test", "kind": "wijkraadslid", "function": ""})
    assert bad.status_code == 200
    assert "Een wijkraadslid wordt uitgenodigd voor een wijkraad en een functie." in bad.text
    assert not Invitation.objects.exists()
    good = client.post(
        url,
        {
            "email": "nieuw@example.test",
            "kind": "wijkraadslid",
            "council": council.pk,
            "function": "lid",
        },
    )
    assert good.status_code == 302
    assert Invitation.objects.get().invited_by == officer


def test_nobody_can_sign_up_without_an_invitation(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "zomaar@example.test", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert not User.objects.filter(email="zomaar@example.test").exists()
    assert response.status_code == 200
    assert "Zelf een account aanmaken kan niet" in response.text
