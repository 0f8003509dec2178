"""Reproducible installs (issue 15, item 10): every dependency has an upper bound, and the lock
file that `make run`, `make test`, CI and production install from pins each of them — within
those bounds, with hashes — plus the setuptools the editable install builds with."""

import re
import tomllib
from pathlib import Path

from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(settings.BASE_DIR)
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCK_TEXT = (ROOT / "requirements.lock").read_text()
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", re.M)


def declared() -> list[Requirement]:
    deps = PROJECT["project"]["dependencies"] + PROJECT["project"]["optional-dependencies"]["test"]
    return [Requirement(line) for line in deps]


def pins() -> dict[str, Version]:
    return {canonicalize_name(name): Version(version) for name, version in PIN.findall(LOCK_TEXT)}


def test_every_dependency_has_an_upper_bound():
    unbounded = [
        str(req) for req in declared() if not any(spec.operator in ("<", "<=", "==", "~=")
                                                  for spec in req.specifier)
    ]  # fmt: skip
    build = [Requirement(line) for line in PROJECT["build-system"]["requires"]]
    unbounded += [str(req) for req in build if not any(s.operator == "<" for s in req.specifier)]
    assert unbounded == []


def test_the_lock_pins_every_dependency_within_its_bounds():
    locked = pins()
    problems = []
    for req in [*declared(), *(Requirement(r) for r in PROJECT["build-system"]["requires"])]:
        version = locked.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"{req.name}: not in requirements.lock (run `make lock`)")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} outside {req.specifier}")
    assert problems == []


def test_every_pin_has_a_hash_and_nothing_is_unpinned():
    # One block per requirement: its line, then its indented hashes and "# via" notes.
    requirement_blocks = re.split(r"\n(?=[A-Za-z0-9])", "\n" + LOCK_TEXT)[1:]
    assert len(requirement_blocks) == len(pins()) > 50
    assert all("--hash=sha256:" in block for block in requirement_blocks)
    assert "-e " not in LOCK_TEXT and "git+" not in LOCK_TEXT


def test_installs_and_audit_use_the_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert "--generate-hashes" in makefile  # `make lock`
    audit = (ROOT / ".ci" / "audit.py").read_text()
    assert '"--requirement", str(LOCK)' in audit
