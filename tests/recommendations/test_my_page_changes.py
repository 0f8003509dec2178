"""Issue 13 item 7: "Wat veranderde" on /mijn/ survives a refresh. It stays until the reader
marks it as read (a POST button with the CSRF token) or for a day after it was first shown."""

import datetime

import time_machine
from django.test import Client
from django.utils import timezone

from recommendations.models import Follow
from tests.recommendations.factories import ActionItemFactory, ProgressUpdateFactory


def _follow_with_update(user, text):
    action = ActionItemFactory()
    Follow.objects.create(user=user, action=action)
    ProgressUpdateFactory(action=action, text=text)
    return action


def test_what_changed_survives_a_refresh_until_marked_as_read(client, member):
    action = _follow_with_update(member, "De schouw is gepland.")
    client.force_login(member)
    first = client.get("/mijn/").text
    assert "De schouw is gepland." in first and "Markeer als gelezen" in first
    # A refresh, and another one: still there.
    assert "De schouw is gepland." in client.get("/mijn/").text
    assert "De schouw is gepland." in client.get("/mijn/").text
    response = client.post("/voortgang/gelezen/")
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    after = client.get("/mijn/").text
    assert "De schouw is gepland." not in after and "Niets nieuws." in after
    assert "Markeer als gelezen" not in after
    # What happens later shows again.
    ProgressUpdateFactory(action=action, text="De schouw is geweest.")
    assert "De schouw is geweest." in client.get("/mijn/").text


def test_what_changed_counts_as_read_a_day_after_it_was_first_shown(client, member):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        action = _follow_with_update(member, "Eerste bericht.")
        client.force_login(member)
        assert "Eerste bericht." in client.get("/mijn/").text
    with time_machine.travel(start + datetime.timedelta(hours=23), tick=False):
        ProgressUpdateFactory(action=action, text="Tweede bericht.")
        page = client.get("/mijn/").text
        assert "Eerste bericht." in page and "Tweede bericht." in page
    with time_machine.travel(start + datetime.timedelta(hours=25), tick=False):
        page = client.get("/mijn/").text
        # Shown a day ago: read. The second was shown for the first time an hour ago: stays.
        assert "Eerste bericht." not in page and "Tweede bericht." in page


def test_marking_as_read_needs_the_csrf_token_and_a_login(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post("/voortgang/gelezen/").status_code == 403
    page = client.get("/mijn/").text
    token = client.cookies["csrftoken"].value
    assert "csrfmiddlewaretoken" in page
    response = client.post("/voortgang/gelezen/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    anonymous = Client()
    response = anonymous.post("/voortgang/gelezen/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert anonymous.get("/voortgang/gelezen/").status_code == 405
