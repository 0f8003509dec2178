"""Issue 15 item 4: the anonymous right-to-challenge form cannot be used to mail or flood.

On main `POST /uitdaagrecht/voorstel/` from one client sent municipal mail to any address, as
often as the client liked (only three per address per day), with the submitter's own text in
it. Now: per client and in total a rate limit (allauth's helper, ACCOUNT_RATE_LIMITS) answers
429, a honeypot turns bots away, the mail quotes nothing the submitter typed, and unconfirmed
proposals are deleted after seven days."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from contracts.tasks import purge_unverified_proposals
from contracts.uitdaagrecht.models import ChallengeProposal
from tests.contracts.factories import ProposalFactory
from tests.contracts.uitdaagrecht.test_challenge import group_form

pytestmark = pytest.mark.django_db

LIMITS = {
    "challenge_proposal": "3/h/ip",
    "challenge_proposal_all": "5/d/key",
}


def submit(client, n, address="203.0.113.10", **overrides):
    return client.post(
        "/uitdaagrecht/voorstel/",
        group_form(contact_email=f"doel{n}@example.test", **overrides),
        REMOTE_ADDR=address,
    )


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_one_client_cannot_mail_many_addresses(client):
    answers = [submit(client, n) for n in range(4)]
    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert "te veel voorstellen verstuurd" in answers[3].text
    assert ChallengeProposal.objects.count() == 3


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_many_clients_together_are_capped_too(client):
    answers = [submit(client, n, address=f"198.51.100.{n}") for n in range(6)]
    assert [answer.status_code for answer in answers] == [302] * 5 + [429]
    assert ChallengeProposal.objects.count() == 5


@pytest.mark.usefixtures("eager")
def test_a_bot_filling_the_honeypot_stores_and_mails_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, 1, website="http://spam.example")
    # The bot is shown the usual page and learns nothing.
    assert response.status_code == 302
    assert response["Location"] == "/uitdaagrecht/voorstel/verstuurd/"
    assert ChallengeProposal.objects.count() == 0
    assert mail.outbox == []


def test_people_do_not_see_the_honeypot(client, db):
    page = client.get("/uitdaagrecht/voorstel/").text
    assert 'class="form-honeypot" aria-hidden="true"' in page
    assert 'tabindex="-1"' in page


@pytest.mark.usefixtures("eager")
def test_verification_mail_quotes_nothing_the_submitter_typed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(
            client,
            1,
            contact_name="Win een prijs",
            group_name="Klik op www.oplichter.example",
            task="Uw rekening is geblokkeerd: bel 0900-1234",
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    html = message.alternatives[0][0] if message.alternatives else ""
    for text in ("Win een prijs", "oplichter", "0900-1234", "geblokkeerd"):
        assert text not in message.subject
        assert text not in message.body
        assert text not in html
    assert "/uitdaagrecht/bevestigen/" in message.body


def test_unverified_proposals_are_purged_after_seven_days(db):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=8)):
        old = ProposalFactory(
            verified_at=None, submitted_at=now - datetime.timedelta(days=8), council=None
        )
    recent = ProposalFactory(
        verified_at=None, submitted_at=now - datetime.timedelta(days=6), council=None
    )
    confirmed = ProposalFactory(submitted_at=now - datetime.timedelta(days=30))
    assert purge_unverified_proposals() == 1
    remaining = set(ChallengeProposal.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, confirmed.pk}
    assert old.pk not in remaining
    out = io.StringIO()
    call_command("purge_unverified_proposals", stdout=out)
    assert "0 unverified proposal(s) deleted." in out.getvalue()
