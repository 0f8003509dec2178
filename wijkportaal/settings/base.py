"""Settings shared by every environment. Values that differ per deployment come from the
environment (django-environ), so any municipality can run the portal without code changes."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

MUNICIPALITY_NAME = env("MUNICIPALITY_NAME", default="Gemeente Voorbeeldstad")
MUNICIPALITY_LOGO_TEXT = env("MUNICIPALITY_LOGO_TEXT", default=MUNICIPALITY_NAME)
MUNICIPALITY_CONTACT_EMAIL = env("MUNICIPALITY_CONTACT_EMAIL", default="wijkportaal@example.org")
MUNICIPALITY_CONTACT_PHONE = env("MUNICIPALITY_CONTACT_PHONE", default="14 000")
# The design tokens (colours, logo, sizes) of the municipality's house style: a stylesheet in
# static/, theme.css or one of static/css/themes/ (README, "Eigen huisstijl").
WIJKPORTAAL_THEME_CSS = env("WIJKPORTAAL_THEME_CSS", default="css/theme.css")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    "import_export",
    "simple_history",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wijkportaal.core",
    "wijkportaal.accounts",
    "wijkportaal.wijkraden",
    "wijkportaal.notifications",
    "wijkportaal.desk",
    "recommendations",
    "roles",
    "workgroups",
    "training",
    "toolkit",
    "contracts",
    "council",
]

# django-import-export in the admin (core/importexport.py): the permissions it asks are named
# in the apps' rules.py (<app>.import_<model>, <app>.export_<model>); a preview is a dry run in
# a transaction that is rolled back.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

MIDDLEWARE = [
    "wijkportaal.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session and CSRF middleware: sees their cookies, keeps such responses private.
    "wijkportaal.core.pagecache.PublicCacheGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijkportaal.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijkportaal.accounts.middleware.StaffSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wijkportaal.accounts.middleware.RequireMFAForStaffMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wijkportaal.core.web.DomainErrorMiddleware",
    "wijkportaal.core.opendata.OpenDataLicenceMiddleware",
]

ROOT_URLCONF = "wijkportaal.urls"
FORM_RENDERER = "wijkportaal.core.forms.PortalFormRenderer"
WSGI_APPLICATION = "wijkportaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wijkportaal.core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn/"

# The summary of the latest accessibility sweep on this installation (written by the browser
# sweep, shown on /toegankelijkheid/).
ACCESSIBILITY_SWEEP_FILE = env(
    "ACCESSIBILITY_SWEEP_FILE", default=str(BASE_DIR / "var" / "a11y-result.json")
)
# The facts of the accessibility statement (evaluation, known gaps, response time) after the
# Dutch model; the compliance status A–E is derived from them (wijkportaal/core/accessibility.py).
ACCESSIBILITY_STATEMENT_FILE = env(
    "ACCESSIBILITY_STATEMENT_FILE",
    default=str(BASE_DIR / "docs" / "toegankelijkheidsverklaring.json"),
)

# --- Cache and broker -------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wijkportaal.core.cache.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wijkportaal",
            # A cache outage must not take pages down: short timeouts, errors degrade to misses.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache"),
        }
    }
    CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_FOLDER = env("CELERY_BROKER_FOLDER", default=str(BASE_DIR / "var" / "broker"))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": CELERY_BROKER_FOLDER,
        "data_folder_out": CELERY_BROKER_FOLDER,
        "processed_folder": CELERY_BROKER_FOLDER + "-processed",
        # kombu keeps its exchange table here (by default a "control" folder in the working
        # directory, which would end up in the repository).
        "control_folder": CELERY_BROKER_FOLDER + "-control",
        "store_processed": False,
    }
else:
    # Countdowns stay far below this; periodic work is driven by database rows, not ETAs.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
    }
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    # "Send what is due now", driven by database rows: no long ETAs in the broker.
    "notifications-due-work": {"task": "notifications.run_due_work", "schedule": 300.0},
    # The worker's sign of life for /gezondheid/ (wijkportaal/core/heartbeat.py).
    "core-heartbeat": {"task": "core.heartbeat", "schedule": 60.0},
    # A dated snapshot of every indicator, once a month (a repeat in the same month adds none).
    "recommendations-indicator-snapshots": {
        "task": "recommendations.take_indicator_snapshots",
        "schedule": crontab(minute=15, hour=2, day_of_month=1),
    },
    # Privacy: unconfirmed right-to-challenge proposals (an address and a text) go after 7 days.
    "accounts-purge-auth-events": {"task": "accounts.purge_auth_events", "schedule": 86400.0},
    "contracts-purge-unverified-proposals": {
        "task": "contracts.purge_unverified_proposals",
        "schedule": 86400.0,
    },
}
# Beat's default scheduler, which also writes beat's own heartbeat on every tick.
CELERY_BEAT_SCHEDULER = "wijkportaal.core.heartbeat:HeartbeatScheduler"

# --- Health (/gezondheid/, manage.py check_health): minutes before a check fails -------------
HEALTH_BEAT_STALE_AFTER = env.int("HEALTH_BEAT_STALE_AFTER", default=15)
HEALTH_WORKER_STALE_AFTER = env.int("HEALTH_WORKER_STALE_AFTER", default=15)
HEALTH_MAIL_STUCK_AFTER = env.int("HEALTH_MAIL_STUCK_AFTER", default=30)

# --- Email ------------------------------------------------------------------------------------
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
    EMAIL_HOST = env("EMAIL_HOST", default="localhost")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"Wijkportaal <noreply@{'example.org'}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", default="[Wijkportaal] ")
# Progress digests go out from this local hour (Europe/Amsterdam) on their day.
DIGEST_HOUR = env.int("DIGEST_HOUR", default=7)

# The first day of a programme year ("MM-DD"): the period of the indicators that count per year.
PROGRAMME_YEAR_START = env("PROGRAMME_YEAR_START", default="01-01")

# The page cache for public pages (wijkportaal/core/pagecache.py, docs/architecture.md).
# Browsers revalidate every time (max-age 0, cheap with the ETag); a shared proxy or CDN may keep
# an anonymous page this many seconds; a copy lives one time slot at most.
PAGECACHE_MAX_AGE = 0
PAGECACHE_SHARED_MAX_AGE = env.int("PAGECACHE_SHARED_MAX_AGE", default=60)
PAGECACHE_TIME_SLOT = 300
PAGECACHE_VERSION_TTL = 0
# Seconds before a temporary mail failure is retried (doubling per attempt).
NOTIFICATION_RETRY_BACKOFF = env.int("NOTIFICATION_RETRY_BACKOFF", default=30)

# --- Accounts (django-allauth) ----------------------------------------------------------------
ACCOUNT_ADAPTER = "wijkportaal.accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
# A changed password ends every session of the account, this one included (Django drops the
# others through the session's password hash; allauth logs this one out).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
# "Remember me" is the visitor's choice; a remembered session lives SESSION_COOKIE_AGE at most,
# otherwise it ends with the browser.
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    # The anonymous right-to-challenge form mails the address typed in: per client, and for
    # all clients together (one key) — contracts/uitdaagrecht/views.py.
    "challenge_proposal": env("RATE_LIMIT_CHALLENGE_PROPOSAL", default="3/h/ip,10/d/ip"),
    "challenge_proposal_all": env("RATE_LIMIT_CHALLENGE_PROPOSAL_ALL", default="100/d/key"),
}
# Behind the TLS proxy every request comes from the proxy: the client's address is taken from
# X-Forwarded-For, this many places from the right (what the client wrote itself is ignored),
# or from a header the proxy sets. README, "Production deployment".
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", default="") or None
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Wijkportaal")
# Accept the code of the 30-second step before or after the current one: a phone's clock that
# drifts a little, or a code typed just as it changes, is not a failed login (RFC 6238 § 5.2).
MFA_TOTP_TOLERANCE = env.int("MFA_TOTP_TOLERANCE", default=1)
# Officers and administrators must have TOTP before they may use the admin.
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=True)
# Sensitive admin changes (users, memberships, invitations, budget lines, the official answer)
# ask for the password or a TOTP code again after this long (wijkportaal.accounts.reauthentication).
SENSITIVE_REAUTHENTICATION_SECONDS = env.int("SENSITIVE_REAUTHENTICATION_SECONDS", default=15 * 60)
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# --- Security ---------------------------------------------------------------------------------
# How long the audit log (logins, failed logins, MFA changes) is kept, in days.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=365)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=14 * 24 * 3600)
# Officers and administrators (wijkportaal.accounts.middleware.StaffSessionTimeoutMiddleware):
# logged out after this long without a request, and after this long in all.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=12 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
