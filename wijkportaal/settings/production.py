"""Production: PostgreSQL, Redis as broker and cache, HTTPS only, no demo accounts."""

import logging

from django.core.exceptions import ImproperlyConfigured

from wijkportaal.core.logs import json_logging
from wijkportaal.core.monitoring import sentry_init

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: production weigert te starten zonder.")

DEMO_ACCOUNTS_ENABLED = False
MFA_REQUIRED_FOR_STAFF = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The page cache (wijkportaal/core/pagecache.py) asks Redis for the versions on every request
# (0); a few seconds here trade freshness in the other workers for one round trip less.
PAGECACHE_VERSION_TTL = env.float("PAGECACHE_VERSION_TTL", default=0)

# One JSON object per line on stderr, each with the request's (or Celery task's) id.
LOGGING = json_logging(env("LOG_LEVEL", default="INFO"))
logging.captureWarnings(True)  # Python's warnings become JSON lines too
# Celery logs through the same configuration instead of its own plain-text handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Optional error monitoring (Sentry or a compatible server); personal data is scrubbed.
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_init(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
