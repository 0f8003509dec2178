import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_member_resets_a_forgotten_password_by_email(
    client, member, eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mail.outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    new = "nieuw-wachtwoord-2026"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": new, "password2": new},
    )
    assert done.status_code == 302
    client.logout()
    login = client.post(reverse("account_login"), {"login": member.email, "password": new})
    assert login.status_code == 302


def test_reset_for_an_unknown_address_does_not_reveal_it(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.test"})
    assert response.status_code == 302
    # allauth tells unknown addresses that no account exists only by mail, never on the page.
    assert response["Location"] == reverse("account_reset_password_done")
