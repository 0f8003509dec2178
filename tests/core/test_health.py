import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_health_reports_database_cache_and_broker(client):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_health_answers_503_when_the_cache_is_unreachable(client):
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
def test_health_answers_503_when_the_broker_is_unreachable(client, monkeypatch):
    from wijkportaal.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
