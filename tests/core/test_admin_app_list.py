"""The admin's app list asks the rules about every model (some 250 questions); Django builds
it on every admin page, twice (the front page's list and the navigation's `available_apps`).
It is built once and kept per user until their account, seats or permissions change."""

from django.contrib.admin import AdminSite
from django.contrib.auth.models import Permission

from tests.factories import OfficerFactory


def _counting_builds(monkeypatch) -> list:
    built = []
    original = AdminSite._build_app_dict

    def counting(self, request, label=None):
        built.append(label)
        return original(self, request, label)

    monkeypatch.setattr(AdminSite, "_build_app_dict", counting)
    return built


def test_the_app_list_is_built_once_and_kept_for_the_user(client, db, monkeypatch):
    built = _counting_builds(monkeypatch)
    client.force_login(OfficerFactory())

    page = client.get("/admin/").content.decode()
    assert len(built) == 1
    assert 'href="/admin/recommendations/actionitem/"' in page  # the officer's app list

    page = client.get("/admin/recommendations/actionitem/").content.decode()
    assert len(built) == 1  # kept: the rules give the same answers
    assert 'id="nav-sidebar"' in page and 'href="/admin/desk/case/"' in page


def test_the_kept_app_list_follows_a_new_permission(client, db, monkeypatch):
    built = _counting_builds(monkeypatch)
    officer = OfficerFactory()
    client.force_login(officer)
    assert 'href="/admin/auth/group/"' not in client.get("/admin/").content.decode()

    officer.user_permissions.add(Permission.objects.get(codename="view_group"))
    page = client.get("/admin/").content.decode()
    assert len(built) == 2
    assert 'href="/admin/auth/group/"' in page


def test_the_kept_app_list_is_per_user(client, db, monkeypatch):
    built = _counting_builds(monkeypatch)
    client.force_login(OfficerFactory())
    client.get("/admin/")
    client.force_login(OfficerFactory())
    client.get("/admin/")
    assert len(built) == 2
