"""Security review as tests: production headers and cookies, a CSP without unsafe-inline, and
templates that need no inline script or style (which that CSP would block)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

PRODUCTION_PROBE = r"""
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
https = client.get("/gezondheid/", secure=True, HTTP_X_FORWARDED_PROTO="https")
plain = client.get("/gezondheid/")
print(json.dumps({
    "headers": dict(https.headers),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "settings": {name: getattr(settings, name) for name in (
        "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "SESSION_COOKIE_SAMESITE",
        "MFA_REQUIRED_FOR_STAFF", "DEMO_ACCOUNTS_ENABLED")},
}))
"""


def run_production(code, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.production",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite:///:memory:",
        **env,
    }
    environment.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,  # the session probe migrates a database; CI machines are shared
    )


@pytest.fixture(scope="module")
def production():
    done = run_production(PRODUCTION_PROBE, SECRET_KEY="probe-" + "x" * 50)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_production_sends_the_security_headers(production):
    headers = production["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_csp_allows_only_own_scripts_and_styles(production):
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in production["headers"]["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in production["headers"]["Content-Security-Policy"]
    assert "unsafe-eval" not in production["headers"]["Content-Security-Policy"]


def test_production_redirects_plain_http_and_secures_cookies(production):
    assert production["plain_status"] == 301
    assert production["plain_location"].startswith("https://")
    assert production["settings"] == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SESSION_COOKIE_SAMESITE": "Lax",
        "MFA_REQUIRED_FOR_STAFF": True,
        "DEMO_ACCOUNTS_ENABLED": False,
    }


def test_production_refuses_to_start_without_a_secret_key():
    done = run_production("import django; django.setup()", SECRET_KEY="")
    assert done.returncode != 0
    assert "SECRET_KEY ontbreekt" in done.stderr


# --- Templates -----------------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")")
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def project_templates():
    """Every HTML template of the project (not of installed libraries). E-mail templates are
    left out: they are not served under the CSP and mail clients need inline styles."""
    base = Path(settings.BASE_DIR)
    folders = [Path(d) for t in settings.TEMPLATES for d in t["DIRS"]]
    folders += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
    ]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*.html")
        if "email" not in path.relative_to(folder).parts
    )


def test_templates_have_no_inline_script_style_or_event_handlers():
    templates = project_templates()
    assert len(templates) >= 10
    offenders = []
    for path in templates:
        text = path.read_text()
        for name, pattern in [
            ("inline <script>", INLINE_SCRIPT),
            ("inline style", INLINE_STYLE),
            ("event handler attribute", EVENT_HANDLER),
            ("javascript: URL", JAVASCRIPT_URL),
        ]:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {name}")
    assert offenders == []


def test_the_template_check_catches_what_the_csp_would_block():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/a.js" defer></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="d">{}</script>')
    assert INLINE_STYLE.search('<p style="color: red">')
    assert INLINE_STYLE.search("<style>p{}</style>")
    assert EVENT_HANDLER.search('<button onclick="go()">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')
