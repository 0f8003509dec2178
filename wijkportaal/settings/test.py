"""Test settings: the same code paths as production where it matters (a real cache when
REDIS_URL is set, PostgreSQL when DATABASE_URL is set), fast password hashing, mail in memory."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import REDIS_URL

SECRET_KEY = "test-only-not-secret"
DEBUG = False
DEMO_ACCOUNTS_ENABLED = True
# As in production: test officers and administrators have TOTP (tests/factories.py StaffFactory).
MFA_REQUIRED_FOR_STAFF = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # Each xdist worker gets its own Redis database for the cache, so cache.clear() between
    # tests (FLUSHDB) never touches another worker's cache or the broker's database 0.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0"
    _parts = urlsplit(REDIS_URL)
    CACHES["default"]["LOCATION"] = urlunsplit(_parts._replace(path=f"/{1 + int(_worker) % 14}"))  # noqa: F405
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = False
ACCOUNT_RATE_LIMITS = {
    "login": "1000/m/ip",
    "login_failed": "5/5m/key",
    "reset_password": "1000/m/ip",
    "reset_password_from_key": "1000/m/ip",
}

# Serve static files straight from the finders; no collectstatic needed outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The page cache's time slot (five minutes in production) is a day here, so that two requests of
# one test never straddle a slot boundary (a warm hit must stay a hit).
PAGECACHE_TIME_SLOT = 24 * 60 * 60
