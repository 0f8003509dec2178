"""Marker for tests whose guarantee only PostgreSQL gives (row locks, concurrent transactions).

On SQLite they are skipped locally with a reason; in CI (CI set) they run on PostgreSQL and a
missing PostgreSQL is a failure, never a skip."""

import functools
import os

import pytest
from django.db import connection


def requires_postgres(func):
    """Decorate a test that needs PostgreSQL."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if connection.vendor != "postgresql":
            if os.environ.get("CI"):
                pytest.fail(
                    "Deze test hoort in CI op PostgreSQL te draaien (DATABASE_URL ontbreekt)."
                )
            pytest.skip("Alleen op PostgreSQL: zet DATABASE_URL om deze garantie te testen.")
        return func(*args, **kwargs)

    return pytest.mark.postgres(wrapper)
