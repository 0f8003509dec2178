import json

import pytest
from django.urls import reverse

from wijkportaal.core.views import A11Y_RESULT, published_a11y_result

pytestmark = pytest.mark.django_db


def test_anyone_can_read_the_latest_published_accessibility_sweep(client):
    result = json.loads(A11Y_RESULT.read_text())
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    text = response.text
    assert "Laatste controle" in text
    assert f"controleerde axe-core {result['pages']} pagina" in text
    assert f"{result['violations']} overtreding" in text
    assert "<caption" in text and 'scope="row"' in text
    for pages in result["kinds"].values():
        assert f'<td class="utrecht-table__cell">{pages}</td>' in text


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
