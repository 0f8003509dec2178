"""Exactly once, and never lost: due-work run twice or racing, a worker killed mid-batch, the
broker down while an event happens, temporary and permanent mail failures.

Tests marked `worker` run a real Celery worker process against a real Redis (see
tests/notifications/worker.py); the others run in this process."""

import datetime
import os
import threading
import time
import zoneinfo

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from recommendations.services import progress_update_create
from tests.factories import CouncillorFactory, OfficerFactory
from tests.notifications.factories import daily_digest_subscribers
from tests.notifications.mail_backends import messages_per_recipient
from tests.notifications.worker import (
    ThrowawayRedis,
    Worker,
    broker_url_for_tests,
    celery_broker,
    database_url_for_worker,
    flaky_mail_worker,
    wait_for,
)
from tests.pg import requires_postgres
from tests.recommendations.factories import ActionItemFactory
from wijkportaal.notifications import sending
from wijkportaal.notifications.due import due_work_run
from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource
from wijkportaal.notifications.models import (
    Notification,
    NotificationPreference,
    NotificationStatus,
)
from wijkportaal.notifications.outbox import notification_queue
from wijkportaal.notifications.tasks import send_notification

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
SLOW = "tests.notifications.mail_backends.SlowFileBackend"
FLAKY = "tests.notifications.mail_backends.FlakySMTPBackend"


def later_moment() -> datetime.datetime:
    """A due-work moment two days ahead at noon: every daily digest is due, whatever the
    real time of day the test runs at."""
    day = timezone.localdate() + datetime.timedelta(days=2)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=AMS)


@pytest.fixture
def reminder_source(plugin):
    """A reminder kind and finder as apps register them: one reminder per councillor."""
    plugin(NotificationKind("test_due", "Testherinnering", "notifications/email/generic"))

    def finder(now):
        councillors = NotificationPreference.objects.filter(user__kind="raadslid")
        for user_id in councillors.values_list("user_id", flat=True):
            yield Due(
                user_id,
                "test_due",
                f"test-due:{now.date().isoformat()}",
                context={"subject": "Actie verloopt", "text": "Nog zeven dagen."},
            )

    plugin(ReminderSource("test_due", find_due=finder))


def mails_per_kind(users):
    addresses = {user.email for user in users}
    counts = {}
    for message in mail.outbox:
        (to,) = message.to
        assert to in addresses
        kind = "digest" if "Voortgang:" in message.subject else "reminder"
        counts[(to, kind)] = counts.get((to, kind), 0) + 1
    return counts


@pytest.fixture
def no_broker(monkeypatch):
    """In-process tests send inline; keep their tasks off any broker."""
    monkeypatch.setattr(sending, "sending_enqueue", lambda ids: None)


@pytest.mark.django_db
def test_due_work_twice_with_the_same_clock_sends_each_reminder_and_digest_once(
    reminder_source, no_broker
):
    users = daily_digest_subscribers(3)
    moment = later_moment()
    first = due_work_run(moment, send_inline=True)
    second = due_work_run(moment, send_inline=True)
    assert first["digests"] == 3 and first["reminders"] == 3
    assert second == {"reminders": 0, "digests": 0, "sent": 0}
    assert set(mails_per_kind(users).values()) == {1}
    assert len(mail.outbox) == 6


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_racing_due_work_runs_send_each_reminder_and_digest_once(reminder_source, no_broker):
    users = daily_digest_subscribers(6)
    moment = later_moment()
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait(10)
            due_work_run(moment, send_inline=True)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    counts = mails_per_kind(users)
    assert len(counts) == 12 and set(counts.values()) == {1}
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == 12


# --- mail failures, in this process (Celery runs the task and its retries eagerly) ----------


@pytest.fixture
def flaky_mail(settings, tmp_path, monkeypatch):
    settings.EMAIL_BACKEND = FLAKY
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    counters = tmp_path / "attempts"
    counters.mkdir()
    monkeypatch.setenv("FLAKY_COUNTER_DIR", str(counters))
    return counters


def queue_one(email=None):
    user = CouncillorFactory(**({"email": email} if email else {}))
    notification_id = notification_queue(
        recipient_id=user.pk,
        kind="message",
        occasion="vraag:1",
        context={"subject": "Een vraag", "text": "Hoe gaat het?"},
    )
    return notification_id, user.email


@pytest.mark.django_db
def test_temporary_smtp_failure_is_retried_until_sent(flaky_mail, monkeypatch, tmp_path):
    monkeypatch.setenv("FLAKY_FAILURES", "2")
    notification_id, email = queue_one()
    send_notification.apply((notification_id,))
    row = Notification.objects.get(pk=notification_id)
    assert row.status == NotificationStatus.SENT and row.attempts == 3
    assert (flaky_mail / email).read_text() == "3"
    assert len(list((tmp_path / "mail").glob("*.log"))) == 1


@pytest.mark.django_db
def test_permanent_smtp_failure_marks_failed_without_retrying(flaky_mail):
    notification_id, email = queue_one("onbekend@example.test")
    send_notification.apply((notification_id,))
    row = Notification.objects.get(pk=notification_id)
    assert row.status == NotificationStatus.FAILED and row.attempts == 1
    assert "550" in row.last_error
    assert (flaky_mail / email).read_text() == "1"


@pytest.mark.django_db
def test_a_failure_that_stays_temporary_ends_failed_after_max_attempts(flaky_mail, monkeypatch):
    monkeypatch.setenv("FLAKY_FAILURES", "1000")
    notification_id, email = queue_one()
    send_notification.apply((notification_id,))
    row = Notification.objects.get(pk=notification_id)
    assert row.status == NotificationStatus.FAILED
    assert row.attempts == sending.MAX_ATTEMPTS
    assert (flaky_mail / email).read_text() == str(sending.MAX_ATTEMPTS)


# --- with a real worker process ----------------------------------------------------------------

worker_test = [
    pytest.mark.worker,
    pytest.mark.xdist_group("celery-worker"),
    pytest.mark.django_db(transaction=True),
]


def flush(url):
    import redis

    redis.Redis.from_url(url).flushdb()


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_digest_batch_then_restarted_sends_each_digest_once(tmp_path):
    url = broker_url_for_tests()
    database_url_for_worker()
    flush(url)
    users = daily_digest_subscribers(12)
    maildir, markers = tmp_path / "mail", tmp_path / "markers"
    maildir.mkdir()
    markers.mkdir()
    moment = later_moment().isoformat()
    env = {"EMAIL_BACKEND": SLOW, "EMAIL_FILE_PATH": str(maildir), "MAIL_MARKER_DIR": str(markers)}
    with celery_broker(url) as app:
        first = Worker(url, tmp_path, SLOW_MAIL_SECONDS="0.5", **env).start()
        try:
            app.send_task("notifications.run_due_work", kwargs={"now": moment})
            wait_for(lambda: len(list(markers.iterdir())) >= 4, 40, message=first.output())
            first.kill()  # SIGKILL while a message is being sent
        finally:
            first.kill()
        sent = Notification.objects.filter(status=NotificationStatus.SENT).count()
        assert Notification.objects.filter(kind="digest").count() == 12
        assert 1 <= sent < 12, "the kill should land in the middle of the batch"

        second = Worker(url, tmp_path, SLOW_MAIL_SECONDS="0", **env).start()
        try:
            # The next beat tick after the restart: no digest is built twice, and the sweeper
            # sends what the killed worker left queued.
            app.send_task("notifications.run_due_work", kwargs={"now": moment})
            wait_for(
                lambda: not Notification.objects.exclude(status=NotificationStatus.SENT).exists(),
                40,
                message=second.output(),
            )
        finally:
            second.stop()
    assert Notification.objects.filter(kind="digest").count() == 12
    assert messages_per_recipient(maildir) == {user.email: 1 for user in users}


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
@pytest.mark.django_db(transaction=True)
def test_broker_down_while_an_officer_posts_an_update_then_the_sweeper_sends_it(tmp_path):
    database_url_for_worker()
    officer = OfficerFactory()
    action = ActionItemFactory(department=officer.department)
    councillor = CouncillorFactory()
    maildir = tmp_path / "mail"
    maildir.mkdir()
    broker = ThrowawayRedis(tmp_path).start()
    try:
        with celery_broker(broker.url):
            broker.stop()
            started = time.monotonic()
            with transaction.atomic():  # the event, as the progress page's service runs it
                update = progress_update_create(
                    actor=officer, action=action, text="De werkgroep is gestart."
                )
                notification_id = notification_queue(
                    recipient_id=councillor.pk,
                    kind="message",
                    occasion=f"update:{update.pk}",
                    about=update,
                    context={"subject": "Nieuwe voortgang", "text": update.text},
                )
            assert time.monotonic() - started < 5, "the page must not hang on the broker"
            assert Notification.objects.get(pk=notification_id).status == "queued"
            assert action.updates.count() == 1

            broker.start()
            worker = Worker(
                broker.url,
                tmp_path,
                EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                EMAIL_FILE_PATH=str(maildir),
            ).start()
            try:
                # The next beat tick's sweeper finds the message still queued.
                assert sending.outbox_sweep(timezone.now() + sending.SWEEP_AFTER) == 1
                wait_for(
                    lambda: Notification.objects.get(pk=notification_id).status == "sent",
                    30,
                    message=worker.output(),
                )
            finally:
                worker.stop()
    finally:
        broker.stop()
    assert messages_per_recipient(maildir) == {councillor.email: 1}


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
@pytest.mark.django_db(transaction=True)
def test_worker_retries_a_temporary_failure_and_stops_on_a_permanent_one(tmp_path):
    url = broker_url_for_tests()
    database_url_for_worker()
    flush(url)
    counters = tmp_path / "attempts"
    counters.mkdir()
    temporary_id, temporary_email = queue_one()
    permanent_id, permanent_email = queue_one("onbekend@example.test")
    worker = flaky_mail_worker(url, tmp_path, counters, failures=2)
    try:
        with celery_broker(url) as app:
            for notification_id in (temporary_id, permanent_id):
                app.send_task("notifications.send", args=(notification_id,))
            wait_for(
                lambda: (
                    set(
                        Notification.objects.filter(
                            pk__in=[temporary_id, permanent_id]
                        ).values_list("status", flat=True)
                    )
                    == {"sent", "failed"}
                ),
                30,
                message=worker.output(),
            )
            time.sleep(1.5)  # room for a retry that should not come
    finally:
        worker.stop()
    temporary = Notification.objects.get(pk=temporary_id)
    permanent = Notification.objects.get(pk=permanent_id)
    assert temporary.status == "sent" and temporary.attempts == 3
    assert permanent.status == "failed" and permanent.attempts == 1
    assert "550" in permanent.last_error
    assert (counters / temporary_email).read_text() == "3"
    assert (counters / permanent_email).read_text() == "1"
    assert messages_per_recipient(tmp_path / "mail") == {temporary_email: 1}


def test_worker_tests_are_not_skipped_in_ci():
    """CI sets CI, REDIS_URL and DATABASE_URL; the worker tests then must run."""
    if os.environ.get("CI"):
        assert os.environ.get("REDIS_URL") and connection.vendor == "postgresql"
