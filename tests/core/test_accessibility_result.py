import json

import pytest
from django.urls import reverse

from wijkportaal.core.accessibility import published_a11y_result

pytestmark = pytest.mark.django_db

RESULT = {
    "date": "2026-11-28",
    "standard": "WCAG 2.1 A/AA",
    "kinds": {"anonymous": 30, "board": 50},
    "pages": 80,
    "violations": 0,
}


def test_anyone_can_read_the_latest_accessibility_sweep_of_this_installation(
    client, settings, tmp_path
):
    path = tmp_path / "a11y-result.json"
    path.write_text(json.dumps(RESULT))
    settings.ACCESSIBILITY_SWEEP_FILE = str(path)
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    text = response.text
    assert "Laatste controle" in text
    assert "controleerde axe-core 80 pagina" in text
    assert "0 overtreding" in text
    assert "<caption" in text and 'scope="row"' in text
    for pages in RESULT["kinds"].values():
        assert f'<td class="utrecht-table__cell">{pages}</td>' in text


def test_without_a_sweep_on_this_installation_the_statement_shows_no_figure(
    client, settings, tmp_path
):
    settings.ACCESSIBILITY_SWEEP_FILE = str(tmp_path / "absent.json")
    text = client.get(reverse("core:accessibility")).text
    assert "controleerde axe-core" not in text


def test_a_missing_or_broken_result_file_hides_the_section(tmp_path):
    assert published_a11y_result(tmp_path / "absent.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text('{"date": "gisteren"}')
    assert published_a11y_result(broken) is None
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps({"date": "2026-11-28", "kinds": {"anonymous": 3}, "pages": 3, "violations": 0})
    )
    assert published_a11y_result(good)["pages"] == 3
