import datetime
import json

import pytest
from celery.beat import PersistentScheduler
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from tests.factories import UserFactory
from wijkportaal.celery import app
from wijkportaal.core import heartbeat as heartbeat_module
from wijkportaal.core.heartbeat import BEAT, WORKER, HeartbeatScheduler, heartbeat_record
from wijkportaal.core.models import Heartbeat
from wijkportaal.core.tasks import heartbeat
from wijkportaal.notifications import outbox
from wijkportaal.notifications.models import Notification

ALL_CHECKS = {"database", "cache", "broker", "beat", "worker", "mail"}


@pytest.fixture
def alive(db):
    """Beat and a worker gave a sign of life a minute ago."""
    moment = timezone.now() - datetime.timedelta(minutes=1)
    heartbeat_record(BEAT, moment)
    heartbeat_record(WORKER, moment)
    return moment


def queued_mail(minutes_ago):
    user = UserFactory()
    outbox.notification_queue(
        recipient_id=user.pk,
        kind="message",
        occasion=f"health:{user.pk}",
        context={"subject": "Vraag", "text": "Tekst"},
    )
    row = Notification.objects.get(recipient=user)
    created = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Notification.objects.filter(pk=row.pk).update(created_at=created)
    return row


def test_health_reports_every_check_and_is_ok_when_all_are(client, alive):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == ALL_CHECKS
    assert all(check["ok"] for check in body["checks"].values())
    assert 50 <= body["checks"]["beat"]["age_seconds"] <= 120
    assert body["checks"]["worker"]["last_seen"] == alive.isoformat()
    assert body["checks"]["mail"]["oldest_unsent_age_seconds"] is None


def test_health_answers_503_when_beat_has_not_run_for_15_minutes(client, alive):
    heartbeat_record(BEAT, timezone.now() - datetime.timedelta(minutes=14))
    assert client.get("/gezondheid/").status_code == 200
    heartbeat_record(BEAT, timezone.now() - datetime.timedelta(minutes=16))
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["checks"]["beat"]["ok"] is False
    assert response.json()["checks"]["worker"]["ok"] is True


def test_health_answers_503_when_beat_never_ran(client, db):
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["checks"]["beat"] == {
        "ok": False,
        "detail": "never seen",
        "last_seen": None,
        "age_seconds": None,
    }


def test_health_answers_503_when_no_worker_ran_the_heartbeat(client, alive):
    heartbeat_record(WORKER, timezone.now() - datetime.timedelta(minutes=20))
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False


def test_health_answers_503_when_mail_is_stuck_for_30_minutes(client, alive):
    queued_mail(minutes_ago=25)
    body = client.get("/gezondheid/").json()
    assert body["status"] == "ok"
    assert 25 * 60 <= body["checks"]["mail"]["oldest_unsent_age_seconds"] < 26 * 60
    queued_mail(minutes_ago=31)
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    mail = response.json()["checks"]["mail"]
    assert mail["ok"] is False and mail["oldest_unsent_age_seconds"] >= 31 * 60


def test_sent_mail_does_not_count_as_stuck(client, alive):
    row = queued_mail(minutes_ago=60)
    Notification.objects.filter(pk=row.pk).update(status="sent", sent_at=timezone.now())
    assert client.get("/gezondheid/").status_code == 200


def test_health_takes_a_constant_number_of_queries(client, alive, django_assert_max_num_queries):
    queued_mail(minutes_ago=1)
    with django_assert_max_num_queries(4):
        client.get("/gezondheid/")
    for minutes in (2, 3, 4):
        queued_mail(minutes_ago=minutes)
    with django_assert_max_num_queries(4):
        client.get("/gezondheid/")


def test_check_health_prints_the_checks_and_fails_when_unhealthy(alive, capsys):
    call_command("check_health")
    out = capsys.readouterr().out
    for name in ALL_CHECKS:
        assert f"{name}: ok" in out

    heartbeat_record(BEAT, timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(CommandError) as failure:
        call_command("check_health")
    assert failure.value.returncode == 2
    out = capsys.readouterr().out
    assert "beat: NIET GEZOND" in out

    with pytest.raises(CommandError):
        call_command("check_health", "--json")
    body = json.loads(capsys.readouterr().out)
    assert body["status"] == "error" and set(body["checks"]) == ALL_CHECKS


def test_the_heartbeat_task_records_the_worker(db):
    heartbeat.apply()
    seen = Heartbeat.objects.get(key=WORKER).at
    assert timezone.now() - seen < datetime.timedelta(seconds=5)


def test_beats_scheduler_records_beat_on_its_ticks(db, monkeypatch, tmp_path):
    monkeypatch.setattr(PersistentScheduler, "tick", lambda self, *args, **kwargs: 60.0)
    scheduler = HeartbeatScheduler(app=app, schedule_filename=str(tmp_path / "beat"), lazy=True)
    assert scheduler.tick() == 60.0
    first = Heartbeat.objects.get(key=BEAT).at
    scheduler.tick()  # within 30 seconds: no second write
    assert Heartbeat.objects.get(key=BEAT).at == first


def test_beat_is_configured_to_send_the_heartbeat_every_minute(settings):
    assert settings.CELERY_BEAT_SCHEDULER == "wijkportaal.core.heartbeat:HeartbeatScheduler"
    entry = settings.CELERY_BEAT_SCHEDULE["core-heartbeat"]
    assert entry["task"] == heartbeat_module.HEARTBEAT_TASK and entry["schedule"] <= 60


@pytest.mark.django_db
def test_health_answers_503_when_the_cache_is_unreachable(client, alive):
    broken = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=broken):
        from django.core.cache import caches

        caches._settings = caches.settings = broken  # rebuild the handler with the broken server
        caches._connections.__dict__.pop("default", None)
        try:
            response = client.get("/gezondheid/")
        finally:
            caches._connections.__dict__.pop("default", None)
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_health_answers_503_when_the_broker_is_unreachable(client, monkeypatch, alive):
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
