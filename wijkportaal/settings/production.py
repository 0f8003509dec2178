"""Production: PostgreSQL, Redis as broker and cache, HTTPS only, no demo accounts."""

from django.core.exceptions import ImproperlyConfigured

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

# The progress monitor's cache version is re-read from Redis at most once a second per worker.
RECOMMENDATIONS_MONITOR_VERSION_TTL = env.float("RECOMMENDATIONS_MONITOR_VERSION_TTL", default=1.0)

LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
