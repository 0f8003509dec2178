"""The embedded default: SQLite, a filesystem Celery broker, mail written to files.

Set DATABASE_URL / REDIS_URL and the same settings run on PostgreSQL and Redis."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")
# The demo relaxes required MFA for officers so the demo accounts work out of the box;
# set MFA_REQUIRED_FOR_STAFF=true to try the production behaviour locally.
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=False)
DEMO_ACCOUNTS_ENABLED = True

# Serve static files straight from the finders; no collectstatic needed outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
