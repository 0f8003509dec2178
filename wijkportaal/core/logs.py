"""Structured logs: one JSON object per line (python-json-logger) under production settings,
each with the id of the request or Celery task it belongs to, so that every line of one
request can be found together (and matched to the reverse proxy's log: the id comes from
its X-Request-ID header when that looks sane, and goes back in the response)."""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from celery.signals import task_postrun, task_prerun
from django.core.signals import request_finished
from django.dispatch import receiver

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
NO_REQUEST = "-"

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default=NO_REQUEST
)


def current_request_id() -> str:
    return request_id_var.get()


class RequestIdMiddleware:
    """Gives every request an id (the proxy's X-Request-ID, or a new one) for the logs and
    sends it back in the response's X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if _SANE_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed (request_finished), so that Django's own
        # "Not Found"/"Service Unavailable" lines, logged after the middleware, carry it too.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response.headers[REQUEST_ID_HEADER] = request_id
        return response


@receiver(request_finished)
def _request_finished(**kwargs):
    request_id_var.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record: the request's, the Celery task's (task:<id>), or
    "-" outside both (start-up, management commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


@task_prerun.connect
def _task_started(task_id=None, **kwargs):
    request_id_var.set(f"task:{task_id}")


@task_postrun.connect
def _task_finished(**kwargs):
    request_id_var.set(NO_REQUEST)


def json_logging(level: str = "INFO") -> dict:
    """The LOGGING setting of production: JSON lines on stderr, a request id in each."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "wijkportaal.core.logs.RequestIdFilter"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            }
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own loggers write through the root handler, never in their own format.
        "loggers": {
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
            "celery": {"handlers": [], "level": level, "propagate": True},
        },
    }
