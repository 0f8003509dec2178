"""The house rules, checked on the source (see docs/architecture.md).

Layers, from the bottom: the core package (core, accounts, wijkraden, permissions) →
notifications → desk → recommendations (the spine) → the domain apps. A part imports only
itself and the parts below it; sibling domain apps never import each other (nor do the
sub-apps of contracts). Where a lower part needs something from a higher one, the higher one
registers a plugin in its apps.py."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORE = (
    "wijkportaal.core",
    "wijkportaal.accounts",
    "wijkportaal.wijkraden",
    "wijkportaal.permissions",
)
NOTIFICATIONS = ("wijkportaal.notifications",)
DESK = ("wijkportaal.desk",)
SPINE = ("recommendations",)
DOMAIN_APPS = ("roles", "workgroups", "training", "toolkit", "contracts", "council")
CONTRACT_PARTS = ("wijkcontracten", "uitdaagrecht", "beheerexperiment", "ondersteuning")
PROJECT_WIRING = (
    "wijkportaal.settings",
    "wijkportaal.urls",
    "wijkportaal.celery",
    "wijkportaal.wsgi",
)

# What each part may import (besides itself, the standard library and third-party packages).
ALLOWED = {
    "core": CORE,
    "notifications": CORE + NOTIFICATIONS,
    "desk": CORE + NOTIFICATIONS + DESK,
    "spine": CORE + NOTIFICATIONS + DESK + SPINE,
    "domain": CORE + NOTIFICATIONS + DESK + SPINE,
}
OWN = CORE + NOTIFICATIONS + DESK + SPINE + DOMAIN_APPS


def _matches(module: str, prefixes) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def source_files():
    for folder in ("wijkportaal", *SPINE, *DOMAIN_APPS):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module: str) -> tuple[str, str] | None:
    """(layer, the part's own prefix) of one of our modules."""
    if _matches(module, PROJECT_WIRING):
        return None
    for layer, prefixes in (
        ("core", CORE),
        ("notifications", NOTIFICATIONS),
        ("desk", DESK),
        ("spine", SPINE),
    ):
        for prefix in prefixes:
            if _matches(module, (prefix,)):
                return layer, prefix
    for app in DOMAIN_APPS:
        if _matches(module, (app,)):
            if app == "contracts":
                for sub in CONTRACT_PARTS:
                    if _matches(module, (f"contracts.{sub}",)):
                        return "domain", f"contracts.{sub}"
            return "domain", app
    return None


def imports_of(path: Path):
    """(line, imported module, inside a function?, the source line) for every import."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    lines = path.read_text().splitlines()

    def visit(node, in_function: bool):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield child.lineno, alias.name, in_function, lines[child.lineno - 1]
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)] if child.level > 1 else base
                    name = ".".join(base + ([child.module] if child.module else []))
                else:
                    name = child.module or ""
                targets = [name] if child.module else [f"{name}.{a.name}" for a in child.names]
                for target in targets:
                    yield child.lineno, target, in_function, lines[child.lineno - 1]
            yield from visit(child, nested)

    yield from visit(tree, False)


def _violations():
    found = []
    for path in source_files():
        module = module_name(path)
        mine = part_of(module)
        if mine is None:
            continue
        layer, own_prefix = mine
        for _lineno, target, _inside, _line in imports_of(path):
            if not _matches(target, OWN):
                continue
            if _matches(target, (own_prefix,)):
                continue
            if own_prefix.startswith("contracts.") and target in ("contracts", "contracts.apps"):
                continue
            if own_prefix == "contracts" and _matches(
                target, [f"contracts.{s}" for s in CONTRACT_PARTS]
            ):
                # The contracts package wires its sub-apps together (models, urls, plugins).
                continue
            if not _matches(target, ALLOWED[layer]):
                found.append((str(path.relative_to(ROOT)), target))
    return found


def test_every_part_imports_only_itself_and_the_parts_below_it():
    assert _violations() == []


def _inline_imports():
    found = []
    for path in source_files():
        relative = path.relative_to(ROOT)
        if path.name == "apps.py" or "management" in relative.parts:
            continue
        for _lineno, target, inside, line in imports_of(path):
            # An import inside a function hides a circle; allowed only with a comment saying why.
            if inside and "#" not in line:
                found.append((str(relative), target))
    return found


def test_no_import_hides_inside_a_function_without_saying_why():
    assert _inline_imports() == []


def test_the_registry_is_filled_only_in_apps_py():
    offenders = []
    pattern = re.compile(r"\bregistry\.register\(")
    for path in source_files():
        if path.name == "apps.py" or path.name == "registry.py":
            continue
        if pattern.search(path.read_text()):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize(
    "folder",
    ["templates", "wijkportaal/core", "wijkportaal/accounts", "wijkportaal/wijkraden"],
)
def test_core_templates_and_modules_name_no_domain_app(folder):
    domain = ("recommendations", *DOMAIN_APPS, "desk")
    names = "|".join(domain)
    url_name = re.compile(r"""\{%\s*url\s+['"](""" + names + "):")
    load_tag = re.compile(r"\{%\s*load\s+[^%]*\b(progress_admin|contracts_tags)\b")
    offenders = []
    for path in sorted((ROOT / folder).rglob("*")):
        if path.suffix not in (".html", ".txt", ".py") or "migrations" in path.parts:
            continue
        text = path.read_text()
        if url_name.search(text) or load_tag.search(text):
            offenders.append(str(path.relative_to(ROOT)))
        if path.suffix == ".py" and re.search(r"""['"](""" + names + r"):[a-z-]+['\"]", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_repository_holds_no_broker_state_build_output_or_test_results():
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    debris = [
        name
        for name in files
        if name.startswith(("control/", "var/", "staticfiles/"))
        or ".egg-info/" in name
        or name.endswith((".exchange", ".pyc", "a11y_result.json"))
        or "__pycache__" in name
    ]
    assert debris == []
