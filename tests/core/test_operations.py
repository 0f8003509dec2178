"""Operations: JSON logs with a request id in every line under production settings, and the
optional error monitoring (Sentry) that never sends personal data."""

import json
import logging

import pytest

from tests.core.test_security import run_production
from wijkportaal.core.logs import REQUEST_ID_HEADER, RequestIdFilter, current_request_id
from wijkportaal.core.monitoring import FILTERED, scrub_event

LOG_PROBE = r"""
import logging, django
django.setup()
from django.test import Client
from wijkportaal.core.logs import _task_started, _task_finished
client = Client()
first = client.get("/gezondheid/", secure=True)
second = client.get("/gezondheid/", secure=True, HTTP_X_REQUEST_ID="proxy-id-12345678")
logging.getLogger("wijkportaal.probe").warning("outside a request")
_task_started(task_id="abc123")
logging.getLogger("wijkportaal.probe").warning("inside a task")
_task_finished()
print("IDS", first["X-Request-ID"], second["X-Request-ID"])
"""

SENTRY_PROBE = r"""
import json, django
django.setup()
import sentry_sdk
from wijkportaal.core.monitoring import scrub_event
options = sentry_sdk.get_client().options
print(json.dumps({
    "dsn": options["dsn"],
    "send_default_pii": options["send_default_pii"],
    "include_local_variables": options["include_local_variables"],
    "before_send": options["before_send"] is scrub_event,
}))
"""


@pytest.fixture(scope="module")
def production_logs():
    done = run_production(LOG_PROBE, SECRET_KEY="probe-" + "x" * 50)
    assert done.returncode == 0, done.stderr
    ids = done.stdout.strip().splitlines()[-1].split()[1:]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return ids, [json.loads(line) for line in lines]


def test_production_logs_are_json_lines_with_a_request_id(production_logs):
    ids, records = production_logs
    assert records, "no log lines"
    for record in records:
        assert {"time", "level", "logger", "message", "request_id"} <= set(record)
    by_id = {record["request_id"]: record for record in records}
    first, second = ids
    assert len(first) == 32  # a new id when the proxy sent none
    assert second == "proxy-id-12345678"  # the proxy's id, passed on
    assert "Service Unavailable" in by_id[first]["message"]
    assert by_id[second]["logger"] == "django.request"
    assert by_id["-"]["message"] == "outside a request"
    assert by_id["task:abc123"]["message"] == "inside a task"


def test_the_response_carries_the_request_id(client, db):
    response = client.get("/toegankelijkheid/", HTTP_X_REQUEST_ID="bad id with spaces")
    assert len(response[REQUEST_ID_HEADER]) == 32
    response = client.get("/toegankelijkheid/", HTTP_X_REQUEST_ID="abcdef-12345")
    assert response[REQUEST_ID_HEADER] == "abcdef-12345"
    assert current_request_id() == "-"  # reset after the request


def test_the_filter_adds_the_request_id_to_every_record():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "message", None, None)
    assert RequestIdFilter().filter(record) and record.request_id == "-"


def test_sentry_is_off_without_a_dsn_and_scrubs_with_one():
    without = run_production(SENTRY_PROBE, SECRET_KEY="probe-" + "x" * 50)
    assert without.returncode == 0, without.stderr
    assert json.loads(without.stdout.strip().splitlines()[-1])["dsn"] is None
    done = run_production(
        SENTRY_PROBE, SECRET_KEY="probe-" + "x" * 50, SENTRY_DSN="https://key@sentry.invalid/1"
    )
    assert done.returncode == 0, done.stderr
    options = json.loads(done.stdout.strip().splitlines()[-1])
    assert options == {
        "dsn": "https://key@sentry.invalid/1",
        "send_default_pii": False,
        "include_local_variables": False,
        "before_send": True,
    }


def test_scrub_event_removes_personal_data():
    event = {
        "message": "Mail aan noor@example.test mislukt, bel 06-12345678",
        "user": {"id": 7, "email": "noor@example.test", "ip_address": "10.0.0.1"},
        "request": {
            "url": "https://portaal.test/uitdaagrecht/?email=noor@example.test",
            "query_string": "email=noor@example.test",
            "cookies": {"sessionid": "secret"},
            "data": {"email": "noor@example.test"},
            "headers": {"Cookie": "sessionid=secret", "Authorization": "x", "Host": "p.test"},
            "env": {"REMOTE_ADDR": "10.0.0.1"},
        },
        "extra": {"form": "noor@example.test"},
        "exception": {
            "values": [
                {
                    "value": "Ongeldig adres: noor@example.test",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"email": "x@y.nl"}}]},
                }
            ]
        },
        "breadcrumbs": {"values": [{"message": "SELECT … 'noor@example.test'", "data": {}}]},
    }
    scrubbed = json.dumps(scrub_event(event, {}))
    assert "noor@example.test" not in scrubbed
    assert "x@y.nl" not in scrubbed and "secret" not in scrubbed
    assert "12345678" not in scrubbed and "10.0.0.1" not in scrubbed
    assert event["user"] == {"id": 7}
    assert event["request"]["headers"] == {
        "Cookie": FILTERED,
        "Authorization": FILTERED,
        "Host": "p.test",
    }
    assert "extra" not in event
