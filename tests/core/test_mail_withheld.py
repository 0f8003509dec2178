"""`core.mail.mail_withheld`: inside the block `mail_queue` leaves out what the predicate
names (nothing is rendered or written); outside it every message goes through as always."""

import pytest

from tests.factories import UserFactory
from wijkportaal.core.mail import Due, mail_queue, mail_withheld, mail_withheld_release
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

CONTEXT = {"subject": "Onderwerp", "text": "Tekst", "link": "", "link_label": ""}


def _due(user, occasion):
    return Due(user.pk, "message", occasion, context=CONTEXT)


def test_a_withheld_message_is_never_written_and_the_others_are():
    first, second = UserFactory(), UserFactory()
    with mail_withheld(lambda due: due.recipient_id == first.pk):
        ids = mail_queue([_due(first, "a"), _due(second, "a")])
    assert len(ids) == 1
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [second.pk]


def test_after_the_block_nothing_is_withheld():
    user = UserFactory()
    with mail_withheld(lambda due: True):
        assert mail_queue([_due(user, "in")]) == []
    assert len(mail_queue([_due(user, "after")])) == 1
    assert list(Notification.objects.values_list("occasion", flat=True)) == ["after"]


def test_a_withheld_message_can_be_given_back_within_the_block():
    first, second = UserFactory(), UserFactory()
    with mail_withheld(lambda due: True):
        mail_queue([_due(first, "a"), _due(second, "a")])
        assert len(mail_withheld_release(lambda due: due.recipient_id == second.pk)) == 1
        assert mail_withheld_release(lambda due: due.recipient_id == second.pk) == []
    assert mail_withheld_release(lambda due: True) == []  # outside the block: nothing held
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [second.pk]
