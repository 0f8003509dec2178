"""Every `utrecht-…` class the portal writes into a page exists in the Utrecht component CSS we
ship (static/vendor/utrecht/): a misspelt or invented one styles nothing and reads as if it
were NL Design System. Our own additions carry our own names (site.css)."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
VENDOR_CSS = BASE / "static" / "vendor" / "utrecht"
THEME_CSS = BASE / "static" / "css" / "theme.css"
SOURCE_DIRS = [
    "templates",
    "wijkportaal",
    "recommendations",
    "roles",
    "workgroups",
    "training",
    "toolkit",
    "contracts",
    "council",
]
CLASS_SELECTOR = re.compile(r"\.(utrecht-[A-Za-z0-9_-]+)")
USED = re.compile(r"utrecht-[A-Za-z0-9_-]*")


def shipped_classes() -> set[str]:
    css = "".join(path.read_text(encoding="utf-8") for path in VENDOR_CSS.glob("*.css"))
    classes = set(CLASS_SELECTOR.findall(css))
    # The theme class of the design tokens (Utrecht's convention: the organisation's token set
    # on a theme class); our values for the tokens live in theme.css.
    if re.search(r"^\.utrecht-theme\s*\{", THEME_CSS.read_text(encoding="utf-8"), re.M):
        classes.add("utrecht-theme")
    return classes


def used_classes() -> dict[str, set[str]]:
    """Class names in templates and in Python (widget attributes), with where they occur. A
    name cut off by template code (`utrecht-alert--{{ level }}`) ends in - or _ and is
    checked as a prefix."""
    used: dict[str, set[str]] = {}
    for directory in SOURCE_DIRS:
        for path in (BASE / directory).rglob("*"):
            if path.suffix not in {".html", ".py"} or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for name in USED.findall(text):
                used.setdefault(name, set()).add(str(path.relative_to(BASE)))
    return used


def test_the_css_is_there_to_check_against():
    classes = shipped_classes()
    assert len(classes) > 300
    assert "utrecht-button" in classes
    assert "utrecht-table__cell--numeric-column" in classes


def test_every_utrecht_class_used_exists_in_the_shipped_css():
    shipped = shipped_classes()
    unknown = {}
    for name, where in used_classes().items():
        if name.endswith(("-", "_")):
            if not any(known.startswith(name) for known in shipped):
                unknown[name] = sorted(where)
        elif name not in shipped:
            unknown[name] = sorted(where)
    assert unknown == {}, "Utrecht-klassen die niet in de Utrecht-CSS bestaan: " + "; ".join(
        f"{name} ({', '.join(where[:3])})" for name, where in sorted(unknown.items())
    )
