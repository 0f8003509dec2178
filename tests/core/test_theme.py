"""The house style is one stylesheet of design tokens (static/css/theme.css), and a
municipality selects its own with WIJKPORTAAL_THEME_CSS. Every theme in static/css/themes/
defines the same tokens as theme.css (so a component never falls back to nothing), points only
at files that exist, and keeps its text, links and buttons at WCAG 2.1 AA contrast (4.5:1)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import checks
from django.test import override_settings

from wijkportaal.core.checks import theme_css_found

BASE = Path(settings.BASE_DIR)
STATIC = BASE / "static"
DEFAULT_THEME = STATIC / "css" / "theme.css"
THEMES = sorted((STATIC / "css" / "themes").glob("*.css"))
RIVIERSTAD = "css/themes/gemeente-rivierstad.css"

DECLARATION = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;]+);")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
VAR = re.compile(r"var\((--[A-Za-z0-9_-]+)(?:\s*,\s*([^)]+))?\)")

# (foreground token, background token, what a visitor reads there)
PAIRS = [
    ("--wp-color-text", "--wp-color-surface", "text"),
    ("--wp-color-text", "--wp-color-surface-alt", "text on a card"),
    ("--wp-color-text-muted", "--wp-color-surface", "descriptions and dates"),
    ("--wp-color-text-muted", "--wp-color-surface-alt", "descriptions on a card"),
    ("--utrecht-link-color", "--wp-color-surface", "links"),
    ("--utrecht-link-hover-color", "--wp-color-surface", "links under the pointer"),
    ("--utrecht-link-visited-color", "--wp-color-surface", "visited links"),
    (
        "--utrecht-button-primary-action-color",
        "--utrecht-button-primary-action-background-color",
        "primary buttons",
    ),
    (
        "--utrecht-button-primary-action-hover-color",
        "--utrecht-button-primary-action-hover-background-color",
        "primary buttons, hovered",
    ),
    (
        "--utrecht-button-secondary-action-color",
        "--utrecht-button-secondary-action-background-color",
        "secondary buttons",
    ),
    (
        "--utrecht-button-secondary-action-hover-color",
        "--utrecht-button-secondary-action-hover-background-color",
        "secondary buttons, hovered",
    ),
    (
        "--utrecht-button-subtle-hover-color",
        "--utrecht-button-subtle-hover-background-color",
        "subtle buttons, hovered",
    ),
    ("--utrecht-page-header-color", "--utrecht-page-header-background-color", "the header"),
    ("--wp-color-on-primary", "--wp-color-primary-dark", "the main menu"),
    ("--wp-color-primary-dark", "--wp-color-surface", "the current menu item"),
    ("--utrecht-page-footer-color", "--utrecht-page-footer-background-color", "the footer"),
    ("--utrecht-form-control-color", "--utrecht-form-control-background-color", "form input"),
    ("--utrecht-form-field-error-message-color", "--wp-color-surface", "error messages"),
    ("--wp-color-success", "--wp-color-surface", "status 'afgerond'"),
    ("--wp-color-warning", "--wp-color-surface", "warnings"),
    ("--utrecht-alert-info-color", "--utrecht-alert-info-background-color", "info alerts"),
    ("--utrecht-alert-ok-color", "--utrecht-alert-ok-background-color", "success alerts"),
    ("--utrecht-alert-warning-color", "--utrecht-alert-warning-background-color", "warnings"),
    ("--utrecht-alert-error-color", "--utrecht-alert-error-background-color", "error alerts"),
    ("--utrecht-skip-link-color", "--utrecht-skip-link-background-color", "the skip link"),
]


def tokens(path: Path) -> dict[str, str]:
    css = COMMENT.sub("", path.read_text(encoding="utf-8"))
    return {name: value.strip() for name, value in DECLARATION.findall(css)}


def resolve(values: dict[str, str], name: str) -> str:
    """A token's value with every var() in it filled in from the same theme."""
    value = values[name]
    for _ in range(10):
        match = VAR.search(value)
        if not match:
            return value
        ref, fallback = match.groups()
        value = value[: match.start()] + values.get(ref, fallback or "") + value[match.end() :]
    raise AssertionError(f"{name}: var() nested too deep")


def luminance(colour: str) -> float:
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    assert re.fullmatch(r"[0-9a-fA-F]{6}", hex_), f"not a #rrggbb colour: {colour}"
    channels = []
    for i in (0, 2, 4):
        c = int(hex_[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_is_wcags():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_there_is_a_second_theme_to_prove_it_works():
    assert [path.name for path in THEMES] == ["gemeente-rivierstad.css"]


@pytest.mark.parametrize("theme", THEMES, ids=lambda path: path.name)
def test_a_theme_defines_the_same_tokens_as_the_default_one(theme):
    default, own = tokens(DEFAULT_THEME), tokens(theme)

    assert len(default) > 150
    assert sorted(set(default) - set(own)) == [], "ontbreekt in het thema"
    assert sorted(set(own) - set(default)) == [], "niet in theme.css"


@pytest.mark.parametrize("theme", [DEFAULT_THEME, *THEMES], ids=lambda path: path.name)
def test_text_links_and_buttons_have_enough_contrast(theme):
    values = tokens(theme)
    too_low = {}
    for foreground, background, where in PAIRS:
        ratio = contrast(resolve(values, foreground), resolve(values, background))
        if ratio < 4.5:
            too_low[where] = round(ratio, 2)
    assert too_low == {}


@pytest.mark.parametrize("theme", [DEFAULT_THEME, *THEMES], ids=lambda path: path.name)
def test_every_file_a_theme_points_to_exists(theme):
    css = COMMENT.sub("", theme.read_text(encoding="utf-8"))
    for url in re.findall(r"url\(\s*[\"']?([^\"')]+)", css):
        assert (theme.parent / url).resolve().is_file(), url


def test_the_second_theme_has_its_own_colours_and_a_logo():
    default, own = tokens(DEFAULT_THEME), tokens(STATIC / RIVIERSTAD)

    assert own["--wp-color-primary"] != default["--wp-color-primary"]
    assert default["--wp-logo-url"] == "none"
    assert own["--wp-logo-url"].startswith("url(")
    assert own["--wp-logo-inline-size"] != "0"


@pytest.mark.parametrize("theme", [DEFAULT_THEME, *THEMES], ids=lambda path: path.name)
def test_a_theme_shows_its_logo_itself(theme):
    """A relative url() in a custom property resolves against the stylesheet that uses the
    property: the theme file must use --wp-logo-url itself, or the logo is looked for in the
    wrong folder."""
    css = COMMENT.sub("", theme.read_text(encoding="utf-8"))
    assert re.search(r"\.site-logo__image\s*\{\s*background-image:\s*var\(--wp-logo-url\);", css)


def test_pages_link_the_standard_theme_by_default(client):
    html = client.get("/accounts/login/").text

    assert 'href="/static/css/theme.css"' in html
    assert "themes/" not in html


@override_settings(WIJKPORTAAL_THEME_CSS=RIVIERSTAD)
def test_the_setting_selects_another_theme(client):
    html = client.get("/accounts/login/").text

    assert f'href="/static/{RIVIERSTAD}"' in html
    assert "css/theme.css" not in html
    # The theme comes after the Utrecht CSS (so its tokens apply) and before our own.
    assert html.index("component-library.css") < html.index(RIVIERSTAD) < html.index("site.css")
    # The logo is decoration: the municipality's name stays the link's text.
    assert re.search(r'class="site-logo__image" aria-hidden="true"', html)
    assert settings.MUNICIPALITY_LOGO_TEXT in html


def test_a_theme_setting_that_names_no_file_stops_the_start():
    assert theme_css_found() == []
    with override_settings(WIJKPORTAAL_THEME_CSS="css/themes/gemeente-tikfout.css"):
        errors = theme_css_found()
    assert [error.id for error in errors] == ["wijkportaal.E001"]
    assert "gemeente-tikfout.css" in errors[0].msg
    assert checks.registry.registry.get_checks().count(theme_css_found) == 1
