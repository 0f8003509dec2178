"""The admin's app list asks the rules about every model; Django builds it twice per page (the
front page's list and the navigation's `available_apps`). It is built once per request."""

from django.contrib.admin import AdminSite

from tests.factories import OfficerFactory


def test_the_app_list_is_built_once_per_request(client, db, monkeypatch):
    built = []
    original = AdminSite._build_app_dict

    def counting(self, request, label=None):
        built.append(label)
        return original(self, request, label)

    monkeypatch.setattr(AdminSite, "_build_app_dict", counting)
    client.force_login(OfficerFactory())

    page = client.get("/admin/").content.decode()
    assert len(built) == 1
    assert 'href="/admin/recommendations/actionitem/"' in page  # the officer's app list

    page = client.get("/admin/recommendations/actionitem/").content.decode()
    assert len(built) == 2  # a new request builds its own
    assert 'id="nav-sidebar"' in page and 'href="/admin/desk/case/"' in page
