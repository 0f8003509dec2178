"""Django's autocomplete widget crashed (500) when an admin form came back with a junk id;
wijkportaal.core.admin_widgets fixes that. Found by tests/test_hostile_input.py."""

import pytest

pytestmark = pytest.mark.django_db


def test_administrator_sees_a_form_error_not_a_500_for_a_junk_autocomplete_id(
    client, administrator
):
    client.force_login(administrator)
    response = client.post(
        "/admin/wijkraden/membership/add/",
        {"person": "abc", "council": "2026-02-30", "function": "lid", "start": "2026-01-01"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() >= {"person", "council"}
