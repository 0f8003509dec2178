"""Sending in batches: an event that mails several people publishes one batch task per
SEND_BATCH_SIZE messages instead of one task per message. A batch sends each message once, also
when it runs twice; a temporary failure goes on to a retry task of its own while the others are
sent; any other error leaves the row to the sweeper. A real worker takes the batch task."""

import logging
import math
import time

import pytest
import redis
from celery.exceptions import SoftTimeLimitExceeded
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from tests.factories import CouncillorFactory
from tests.notifications.mail_backends import messages_per_recipient
from tests.notifications.worker import (
    broker_url_for_tests,
    celery_broker,
    database_url_for_worker,
    flaky_mail_worker,
    wait_for,
)
from wijkportaal.notifications import sending
from wijkportaal.notifications.hooks import Due
from wijkportaal.notifications.models import Notification, NotificationStatus
from wijkportaal.notifications.outbox import notifications_queue
from wijkportaal.notifications.tasks import send_notification, send_notification_batch

BUSY = "tests.notifications.mail_backends.BusyMailboxBackend"


def queue_for(*users, occasion="vraag:1") -> list[int]:
    """One event's messages to these users (in the caller's transaction); their ids."""
    context = {"subject": "Een vraag", "text": "Hoe gaat het?"}
    return notifications_queue(
        [Due(user.pk, "message", occasion, context=context) for user in users]
    )


def statuses(ids) -> dict[int, tuple[str, int]]:
    rows = Notification.objects.filter(pk__in=ids).values_list("pk", "status", "attempts")
    return {pk: (status, attempts) for pk, status, attempts in rows}


@pytest.fixture
def published(monkeypatch):
    """The tasks published to the broker, as (name, args, countdown); the broker takes all."""
    tasks = []

    def enqueue(task_name, *args, countdown=None):
        tasks.append((task_name, args, countdown))
        return True

    monkeypatch.setattr(sending, "task_enqueue", enqueue)
    return tasks


# --- queueing ----------------------------------------------------------------------------------


def test_one_message_is_queued_as_a_single_send_task(published):
    sending.sending_enqueue([7])
    assert published == [(sending.SEND_TASK, (7,), None)]


def test_more_messages_than_a_batch_holds_are_queued_as_one_batch_task_per_batch(published):
    ids = list(range(1, 2 * sending.SEND_BATCH_SIZE + 2))
    sending.sending_enqueue(ids)
    assert len(published) == math.ceil(len(ids) / sending.SEND_BATCH_SIZE) == 3
    assert {name for name, _args, _countdown in published} == {sending.SEND_BATCH_TASK}
    batches = [args[0] for _name, args, _countdown in published]
    assert [len(batch) for batch in batches] == [sending.SEND_BATCH_SIZE] * 2 + [1]
    assert [pk for batch in batches for pk in batch] == ids


def test_nothing_to_send_queues_nothing(published):
    sending.sending_enqueue([])
    assert published == []


def test_with_the_broker_down_queueing_stops_at_the_first_batch(monkeypatch):
    attempts = []

    def broker_down(task_name, *args, countdown=None):
        attempts.append(task_name)
        return False

    monkeypatch.setattr(sending, "task_enqueue", broker_down)
    sending.sending_enqueue(list(range(1, 3 * sending.SEND_BATCH_SIZE)))
    assert attempts == [sending.SEND_BATCH_TASK]


@pytest.mark.django_db
def test_an_event_that_mails_several_people_publishes_one_batch_task_after_commit(
    published, django_capture_on_commit_callbacks
):
    users = [CouncillorFactory() for _ in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        ids = queue_for(*users)
        assert published == []  # not before the commit
    assert published == [(sending.SEND_BATCH_TASK, (ids,), None)]


@pytest.mark.django_db
@pytest.mark.usefixtures("outbox_only_mail")
def test_an_event_that_mails_several_people_sends_each_through_the_batch_task(
    django_capture_on_commit_callbacks,
):
    users = [CouncillorFactory() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        ids = queue_for(*users)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in users)
    assert set(statuses(ids).values()) == {(NotificationStatus.SENT, 1)}


# --- a batch -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_batch_sends_every_message_once(published):
    users = [CouncillorFactory() for _ in range(4)]
    ids = queue_for(*users)
    assert send_notification_batch.apply((ids,)).get() == {NotificationStatus.SENT: 4}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in users)
    assert set(statuses(ids).values()) == {(NotificationStatus.SENT, 1)}
    assert published == []


@pytest.mark.django_db
def test_a_batch_past_its_deadline_starts_no_further_message(published):
    """A batch stops before its time limit: past its deadline it starts no message, and the
    rows it did not reach stay queued for the sweeper; before it, it sends them all."""
    users = [CouncillorFactory() for _ in range(3)]
    ids = queue_for(*users)
    outcomes = sending.notifications_send(ids, deadline=time.monotonic() - 1)
    assert outcomes == {"deferred": 3}
    assert set(statuses(ids).values()) == {(NotificationStatus.QUEUED, 0)}
    assert mail.outbox == []
    outcomes = sending.notifications_send(ids, deadline=time.monotonic() + 60)
    assert outcomes == {NotificationStatus.SENT: 3}


@pytest.mark.django_db
def test_running_out_of_time_while_sending_leaves_the_message_queued(monkeypatch):
    """The task's soft time limit during a send is not the message's fault: it is not marked
    failed, the attempt is rolled back, and the batch stops (the sweeper takes the rest)."""
    ids = queue_for(CouncillorFactory(), CouncillorFactory())

    def out_of_time(self, fail_silently=False):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(EmailMultiAlternatives, "send", out_of_time)
    with pytest.raises(SoftTimeLimitExceeded):
        sending.notifications_send(ids)
    assert set(statuses(ids).values()) == {(NotificationStatus.QUEUED, 0)}


@pytest.mark.django_db
def test_the_same_batch_run_twice_sends_nothing_twice(published):
    users = [CouncillorFactory() for _ in range(3)]
    ids = queue_for(*users)
    sending.notifications_send(ids)
    sending.notifications_send(ids)
    send_notification_batch.apply((ids,))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in users)
    assert set(statuses(ids).values()) == {(NotificationStatus.SENT, 1)}
    assert published == []


@pytest.mark.django_db
def test_a_temporary_failure_in_a_batch_queues_one_retry_and_the_others_are_sent(
    published, settings
):
    settings.EMAIL_BACKEND = BUSY
    first, busy, last = (
        CouncillorFactory(),
        CouncillorFactory(email="bezet@example.test"),
        CouncillorFactory(),
    )
    first_id, busy_id, last_id = queue_for(first, busy, last)

    outcome = sending.notifications_send([first_id, busy_id, last_id])

    assert outcome == {NotificationStatus.SENT: 2, "retrying": 1}
    assert sorted(message.to[0] for message in mail.outbox) == sorted([first.email, last.email])
    assert published == [(sending.SEND_TASK, (busy_id,), sending.RETRY_BACKOFF)]
    row = Notification.objects.get(pk=busy_id)
    assert row.status == NotificationStatus.QUEUED and row.attempts == 1
    assert "452" in row.last_error

    # The retry task, once the mailbox has room again: sent, its second attempt.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_notification.apply((busy_id,))
    assert statuses([busy_id]) == {busy_id: (NotificationStatus.SENT, 2)}
    assert [message.to for message in mail.outbox].count([busy.email]) == 1


@pytest.mark.django_db
def test_the_retry_of_a_batch_counts_the_batch_attempt_towards_max_attempts(published, settings):
    settings.EMAIL_BACKEND = BUSY
    (busy_id,) = queue_for(CouncillorFactory(email="bezet@example.test"))
    sending.notifications_send([busy_id])
    assert published == [(sending.SEND_TASK, (busy_id,), sending.RETRY_BACKOFF)]
    send_notification.apply((busy_id,))  # retries (eagerly) until it gives up
    assert statuses([busy_id]) == {busy_id: (NotificationStatus.FAILED, sending.MAX_ATTEMPTS)}
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_error_in_one_message_is_logged_and_the_sweeper_queues_it_again(
    published, monkeypatch, caplog
):
    users = [CouncillorFactory() for _ in range(3)]
    first_id, broken_id, last_id = queue_for(*users)
    send = sending.notification_send

    def send_or_break(*, notification_id):
        if notification_id == broken_id:
            raise RuntimeError("database hiccup")
        return send(notification_id=notification_id)

    monkeypatch.setattr(sending, "notification_send", send_or_break)
    with caplog.at_level(logging.ERROR, logger=sending.__name__):
        outcome = sending.notifications_send([first_id, broken_id, last_id])

    assert outcome == {NotificationStatus.SENT: 2, "error": 1}
    assert f"notification {broken_id}" in caplog.text and "database hiccup" in caplog.text
    assert statuses([broken_id]) == {broken_id: (NotificationStatus.QUEUED, 0)}
    assert published == []
    # The next due-work run's sweeper finds the row still queued and queues it again.
    assert sending.outbox_sweep(timezone.now() + sending.SWEEP_AFTER) == 1
    assert published == [(sending.SEND_TASK, (broken_id,), None)]


# --- with a real worker process ----------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
@pytest.mark.django_db(transaction=True)
def test_a_worker_takes_the_batch_task_and_retries_a_temporary_failure_on_its_own(
    tmp_path, monkeypatch
):
    url = broker_url_for_tests()
    database_url_for_worker()
    redis.Redis.from_url(url).flushdb()
    counters = tmp_path / "attempts"
    counters.mkdir()
    good = [CouncillorFactory() for _ in range(3)]
    flaky, unknown = CouncillorFactory(), CouncillorFactory(email="onbekend@example.test")
    for user in good:
        # These mailboxes had their one temporary failure already: the next attempt succeeds.
        (counters / user.email).write_text("1")
    published = []
    enqueue = sending.task_enqueue

    def spy(task_name, *args, **kwargs):
        published.append(task_name)
        return enqueue(task_name, *args, **kwargs)

    monkeypatch.setattr(sending, "task_enqueue", spy)
    worker = flaky_mail_worker(url, tmp_path, counters, failures=1)
    try:
        with celery_broker(url):
            with transaction.atomic():  # one event that mails five people
                ids = queue_for(*good, flaky, unknown)
            assert published == [sending.SEND_BATCH_TASK]
            wait_for(
                lambda: (
                    not Notification.objects.filter(
                        pk__in=ids, status=NotificationStatus.QUEUED
                    ).exists()
                ),
                30,
                message=worker.output(),
            )
            time.sleep(1.5)  # room for a second send that should not come
    finally:
        worker.stop()
    *good_ids, flaky_id, unknown_id = ids
    assert statuses(ids) == {
        **dict.fromkeys(good_ids, (NotificationStatus.SENT, 1)),
        flaky_id: (NotificationStatus.SENT, 2),
        unknown_id: (NotificationStatus.FAILED, 1),
    }
    assert messages_per_recipient(tmp_path / "mail") == {user.email: 1 for user in [*good, flaky]}
