"""Benchmarks and fault tests: the production settings over plain HTTP on 127.0.0.1.

Only what HTTPS-only production needs a TLS proxy for is relaxed (redirect, HSTS, secure and
__Host- cookies), plus static files served from the finders so no collectstatic is needed
(the load test requests pages, not assets). Everything else — DEBUG off, MFA for staff, the
cache and broker, CSP, the database — is production's."""

from .production import *  # noqa: F403
from .production import env

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The bench seeds the demo accounts so it can log in as one.
DEMO_ACCOUNTS_ENABLED = True
ACCOUNT_RATE_LIMITS = env.json("BENCH_RATE_LIMITS", default=ACCOUNT_RATE_LIMITS)  # noqa: F405
LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405

# The floor view for bench/pages.py: only here, never in the product's URLconf.
ROOT_URLCONF = "wijkportaal.bench_urls"
