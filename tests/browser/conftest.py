"""The browser layer: Playwright driving Debian's chromium (never a downloaded browser), with
axe-core run on the pages a test visits."""

import os
import shutil

import pytest

from tests.factories import totp_code

CHROMIUM = "/usr/bin/chromium"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI"):
        # In CI a missing browser is an error, never a silent skip.
        raise pytest.UsageError(
            f"{CHROMIUM} ontbreekt: .ci/run installeert het Debian-pakket chromium."
        )
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} ontbreekt; installeer het Debian-pakket chromium (CI doet dat)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    engine = Axe()

    def check(page):
        # A click that navigates returns once the new page commits, before its deferred scripts
        # (which fix some third-party markup, e.g. admin-export.js) have run: check the page
        # as a visitor gets it, loaded.
        page.wait_for_load_state("load")
        results = engine.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        summary = []
        for violation in violations:
            nodes = [
                (n["target"], n["html"][:150], n.get("failureSummary", "")[:200])
                for n in violation["nodes"]
            ]
            summary.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} — {nodes[:5]}"
            )
        assert violations == [], f"axe-violaties op {page.url}:\n" + "\n".join(summary)
        return results

    return check


def login(page, live_server, email, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        # Officers and administrators have TOTP (tests/factories.py): type the app's code.
        page.locator("input[name='code']").fill(totp_code())
        page.locator("main form button[type='submit']").first.click()
        page.wait_for_load_state()
