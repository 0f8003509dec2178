"""The admin front page keeps the actions per department until the next write: a progress
update through the service shows at once."""

import pytest

from recommendations import services
from recommendations.models import ActionStatus
from tests.factories import OfficerFactory

from .factories import ActionItemFactory

pytestmark = pytest.mark.django_db


def department_row(html: str, name: str) -> list[str]:
    row = html.split(f">{name}</a></th>", 1)[1].split("</tr>", 1)[0]
    return [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]


def test_a_finished_action_counts_as_done_on_the_admin_front_page_at_once(client):
    officer = OfficerFactory()
    action = ActionItemFactory(department=officer.department, status=ActionStatus.RUNNING)
    ActionItemFactory(department=officer.department, status=ActionStatus.RUNNING)
    client.force_login(officer)
    name = officer.department.name
    assert department_row(client.get("/admin/").content.decode(), name) == ["2", "0", "0"]

    services.progress_update_create(
        actor=officer, action=action, text="Klaar.", status=ActionStatus.DONE, progress=100
    )

    page = client.get("/admin/").content.decode()
    assert department_row(page, name) == ["2", "1", "0"]
    # The latest updates link to the action's admin page.
    assert f'href="/admin/recommendations/actionitem/{action.pk}/change/"' in page
