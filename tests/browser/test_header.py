"""The header on a phone: the account links, search, language and main menu fold behind one
"Menu" button, so a page starts with its content instead of a third of the screen of links;
on a wide screen, and without JavaScript, everything stays in view."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def header_height(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def test_on_a_phone_the_menu_folds_and_opens_by_keyboard(page, live_server, axe):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/voortgang/")
    menu = page.get_by_role("button", name="Menu")
    main_menu = page.get_by_role("navigation", name="Hoofdmenu")

    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(main_menu).to_be_hidden()
    assert header_height(page) <= 100
    axe(page)

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(main_menu.get_by_role("link", name="Wijkraden")).to_be_visible()
    expect(page.get_by_role("searchbox")).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)

    page.get_by_role("searchbox").focus()
    page.keyboard.press("Escape")
    expect(main_menu).to_be_hidden()
    expect(menu).to_be_focused()

    menu.click()
    main_menu.get_by_role("link", name="Wijkraden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register van wijkraden")


def test_on_a_wide_screen_everything_stays_in_view(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_role("searchbox")).to_be_visible()


def test_without_javascript_a_phone_sees_the_whole_menu(browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
