"""Marker for tests whose guarantee only PostgreSQL gives (row locks, concurrent transactions).

On SQLite they are skipped locally with a reason; in CI (CI set) they run on PostgreSQL and a
missing PostgreSQL is a failure, never a skip."""

import os

import pytest
from django.db import connection


def _on_postgres() -> bool:
    return connection.vendor == "postgresql"


def requires_postgres(func):
    """Decorate a test that needs PostgreSQL."""

    def check():
        if _on_postgres():
            return
        if os.environ.get("CI"):
            pytest.fail("Deze test hoort in CI op PostgreSQL te draaien (DATABASE_URL ontbreekt).")
        pytest.skip("Alleen op PostgreSQL: zet DATABASE_URL om deze garantie te testen.")

    marked = pytest.mark.postgres(func)
    original = marked

    import functools

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        check()
        return original(*args, **kwargs)

    return pytest.mark.postgres(wrapper)
