"""Accessibility sweep: for each kind of user, a crawler in a real browser follows the links it
can reach from / (and /mijn/, and /admin/ for staff) and runs axe-core on every page pattern.
Beside axe, two checks axe does not make: every page reflows at 320 and 390 CSS px without
scrolling sideways (WCAG 1.4.10; wide tables scroll inside their own box), and every page has
one title of the form "<its h1> — Wijkportaal <municipality>" (WCAG 2.4.2).
All violations are collected first and written to var/a11y-sweep.json, then asserted zero.
A sweep over every kind of user also writes its summary to ACCESSIBILITY_SWEEP_FILE (under
var/), which /toegankelijkheid/ shows: the figure there is always the last real sweep's."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import AXE_TAGS
from tests.conftest import PortalClient
from tests.sweep import build_world, pattern_key, skip_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PAGES = 60
REFLOW_WIDTHS = (320, 390)
TITLE_SEPARATOR = " — "
KINDS = ("anonymous", "board", "member", "officer", "councillor", "administrator")
RESULT_DIR = Path(settings.BASE_DIR) / "var" / "a11y-sweep"
RESULT_FILE = Path(settings.BASE_DIR) / "var" / "a11y-sweep.json"
PUBLISHED = Path(settings.ACCESSIBILITY_SWEEP_FILE)


def start_paths(user):
    # The search results page is reached through a form, not a link: it is a start page.
    paths = ["/", "/zoeken/?q=wijkraad"]
    if user is not None:
        paths.append("/mijn/")
        if user.is_staff:
            paths.append("/admin/")
    return paths


def sweep_key(path):
    """One page per URL pattern; every admin changelist is the same Django template, so the
    first one stands for all (add and change forms differ per model and are all swept)."""
    key = pattern_key(path)
    return "admin:changelist" if re.match(r"admin:\w+_changelist\|", key) else key


def reflow_and_title_violations(page, path):
    """The page's width at phone sizes and its title, as violations in the sweep's format."""
    found = []
    titles = page.eval_on_selector_all("head title", "els => els.map(e => e.textContent)")
    headings = page.eval_on_selector_all("h1", "els => els.map(e => e.innerText.trim())")
    heading = " ".join(headings[0].split()) if headings else ""
    title = " ".join(titles[0].split()) if titles else ""
    if len(titles) != 1 or TITLE_SEPARATOR not in title or not heading or heading not in title:
        found.append(
            {
                "page": path,
                "rule": "document-title",
                "impact": "serious",
                "help": "One title: the page's h1, a separator, the site's name",
                "nodes": [titles, headings[:1]],
            }
        )
    size = page.viewport_size
    for width in REFLOW_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            found.append(
                {
                    "page": path,
                    "rule": f"reflow-{width}",
                    "impact": "serious",
                    "help": "The page scrolls sideways on a phone (WCAG 1.4.10)",
                    "nodes": [f"scrollWidth {scroll_width} > {width}"],
                }
            )
    page.set_viewport_size(size)
    return found


def crawl(page, base, engine, user, admin_index_only=False):
    """Breadth-first over same-origin links; one page per URL pattern, at most MAX_PAGES."""
    queue, patterns, swept, violations = start_paths(user), set(), [], []
    while queue and len(swept) < MAX_PAGES:
        path = queue.pop(0)
        if skip_link(path) or (
            admin_index_only and path.startswith("/admin/") and path != "/admin/"
        ):
            continue
        key = sweep_key(path)
        if key in patterns:
            continue
        patterns.add(key)
        try:
            response = page.goto(base + path)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a download (an attachment such as /mijn/gegevens/), not a page
            raise
        if response is None or response.status >= 400 or not page.url.startswith(base):
            continue
        if "html" not in (response.header_value("content-type") or ""):
            continue
        landed = urlsplit(page.url).path
        if landed != urlsplit(path).path and sweep_key(landed) in patterns:
            continue  # a redirect to a page already swept
        patterns.add(sweep_key(landed))
        results = engine.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        swept.append(landed)
        violations.extend(reflow_and_title_violations(page, landed))
        for violation in results.response["violations"]:
            violations.append(
                {
                    "page": landed,
                    "rule": violation["id"],
                    "impact": violation["impact"],
                    "help": violation["help"],
                    "nodes": [n["target"] for n in violation["nodes"]][:5],
                }
            )
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != base:
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return swept, violations


def write_results(kind, swept, violations):
    RESULT_DIR.mkdir(parents=True, exist_ok=True)
    part = {"kind": kind, "pages": swept, "violations": violations}
    tmp = RESULT_DIR / f".{kind}.json"
    tmp.write_text(json.dumps(part, indent=2, ensure_ascii=False))
    tmp.replace(RESULT_DIR / f"{kind}.json")
    parts = [
        json.loads((RESULT_DIR / f"{k}.json").read_text())
        for k in KINDS
        if (RESULT_DIR / f"{k}.json").exists()
    ]
    summary = {
        "date": datetime.date.today().isoformat(),
        "standard": "WCAG 2.1 A/AA (axe-core: " + ", ".join(AXE_TAGS) + ")",
        "kinds": {p["kind"]: len(p["pages"]) for p in parts},
        "pages": sum(len(p["pages"]) for p in parts),
        "violations": sum(len(p["violations"]) for p in parts),
        "details": parts,
    }
    tmp = RESULT_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    tmp.replace(RESULT_FILE)
    if len(parts) == len(KINDS):
        published = {k: summary[k] for k in ("date", "standard", "kinds", "pages", "violations")}
        PUBLISHED.write_text(json.dumps(published, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_each_kind_of_user_reaches_has_no_axe_violations(
    kind, browser, browser_context_args, live_server
):
    from axe_playwright_python.sync_playwright import Axe

    _values, users = build_world()
    user = users[kind]
    context = browser.new_context(**browser_context_args)
    if user is not None:
        client = PortalClient()  # force_login records the authentication, as a login does
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    page = context.new_page()
    try:
        # The administrator (its rights from the rules) sees every admin page an officer sees,
        # rendered by the same templates: officers sweep only the admin front page (CI minutes).
        swept, violations = crawl(
            page, live_server.url, Axe(), user, admin_index_only=kind == "officer"
        )
    finally:
        context.close()
    write_results(kind, swept, violations)
    print(f"\na11y sweep {kind}: {len(swept)} pages, {len(violations)} violations")
    assert len(swept) >= 3, swept
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
