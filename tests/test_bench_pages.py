"""bench/pages.py: the floor view lives only in the bench's URLconf, and the goals of issue 16
are judged as written (ratio at every scale; size, render time and seed time at scale 100;
logged-in queries equal across scales)."""

import pytest
from django.test import override_settings

from bench import pages


@pytest.mark.django_db
def test_the_floor_answers_ok_only_on_the_bench_urlconf(client):
    assert client.get("/__floor__/").status_code == 404
    with override_settings(ROOT_URLCONF="wijkportaal.bench_urls"):
        response = client.get("/__floor__/")
        assert response.status_code == 200
        assert response.content == b"ok"
        assert client.get("/toegankelijkheid/").status_code == 200


def result(*, ratio=0.9, kb=40.0, render=20.0, logged_in_ms=10.0, queries=5, seed=30.0):
    page = {"status": 200, "html": True, "kb": kb, "render_ms": render, "queries": 3}
    return {
        "public": {"/toolkit/": page | {"rps": 900.0, "ratio": ratio, "errors": 0}},
        "logged_in": {
            "chair /mijn/": {
                "status": 200,
                "html": True,
                "kb": 8.0,
                "render_ms": logged_in_ms,
                "queries": queries,
            }
        },
        "missing": [],
        "floor_rps": 1000.0,
        "seed": seed,
    }


def test_all_goals_met_gives_no_misses():
    assert pages.misses({10: result(), 100: result()}, sqlite=True) == []


def test_each_missed_goal_is_named():
    missed = pages.misses(
        {
            10: result(ratio=0.3, kb=400, render=300, queries=5),
            100: result(kb=151, render=51, logged_in_ms=31, queries=7, seed=61),
        },
        sqlite=True,
    )
    assert missed == [
        "s10 /toolkit/: 0.3 x floor < 0.5",
        "s100 seed_demo: 61 s >= 60 s",
        "s100 /toolkit/: 151 KB > 150 KB",
        "s100 /toolkit/: render 51 ms > 50 ms",
        "s100 chair /mijn/: render 31 ms > 30 ms",
        "chair /mijn/: queries differ across scales {10: 5, 100: 7}",
    ]


def test_the_table_has_the_columns_the_issue_asks_for():
    lines = pages.table(100, result()).splitlines()
    assert lines[1] == "page\trps\tratio\tkb\trender_ms\tqueries"
    assert lines[2] == "/toolkit/\t900.0\t0.9\t40.0\t20.0\t3"
