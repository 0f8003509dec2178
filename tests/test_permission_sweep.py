"""Permission sweep over the whole URLconf: every URL pattern, filled with the matrix world's
objects, requested by every kind of user; every write URL of wijkraad A tried by the board of
wijkraad B (GET and POST: 404 and nothing written); no page shows an address nobody published.

The URLs come from django.urls.get_resolver() and the objects from the apps' matrix_world
modules, so a new app's pages are swept without editing this file."""

import re

import pytest
from django.conf import settings

from tests.sweep import (
    build_world,
    changed_tables,
    clients_for,
    content_forms,
    fill,
    owner_of,
    reachable_targets,
    same_origin_links,
    skip_link,
    snapshot,
    url_patterns,
)
from wijkportaal.accounts.models import User

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture
def world(db):
    values, users = build_world()
    return values, users, clients_for(users)


def hostile_copy(form):
    """What a board of B would post: the fields as the page filled them, text changed."""
    data = {}
    for name, current in form.fields.items():
        kind = form.kinds.get(name)
        if kind in ("text", "textarea", "email", "url", "search"):
            data[name] = "Gewijzigd door wijkraad B" if kind != "email" else "b@example.test"
        elif current:
            data[name] = current if len(current) > 1 else current[0]
    return data


def test_other_board_cannot_read_or_write_any_write_url_of_council_a(world):
    values, users, clients = world
    targets = reachable_targets(values, clients, include_admin=False)
    # A path that other objects' ids fill just as well (action 1 and A's declaration 1) does
    # not name A's thing; only paths that nothing but A's objects produce count as A's.
    not_only_a = {
        path
        for pattern in url_patterns()
        for path, keys in fill(pattern, values)
        if any(owner_of(key) != "a" for key in keys)
    }
    write_urls = []
    for target in targets:
        if target.owner != "a" or target.path in not_only_a:
            continue
        if "token" in target.pattern.route:
            continue  # signed links (verification, unsubscribe) name no object of A
        if clients["no_role"].get(target.path).status_code == 200:
            continue  # a form open to anyone logged in ("ask this wijkraad") is not A's to guard
        response = clients["board"].get(target.path)
        if response.status_code != 200:
            continue
        forms = content_forms(response.text, f"http://testserver{target.path}")
        if forms:
            write_urls.append((target, forms))
    # The foundation alone has the profile edit page; apps add theirs through matrix_world.
    assert any(t.path == f"/wijkraden/{values['council_a']}/bewerken/" for t, _ in write_urls)

    tries, failures = 0, []
    other = clients["other_board"]
    for target, forms in write_urls:
        tries += 1
        # A public page of A (its contact-moment calendar) may be read by anyone; its form is
        # the write, so only non-public pages must hide themselves from B.
        public = clients["anonymous"].get(target.path).status_code == 200
        status = other.get(target.path).status_code
        if status != 404 and not public:
            failures.append(f"GET {target.path}: {status}")
        for form in forms:
            action = form.action.removeprefix("http://testserver")
            for path in dict.fromkeys([target.path, action]):
                before = snapshot()
                tries += 1
                status = other.post(path, hostile_copy(form)).status_code
                changed = changed_tables(before, snapshot())
                if status != 404 or changed:
                    failures.append(f"POST {path}: {status}, changed {changed}")
    print(f"\npermission sweep: {len(write_urls)} write URLs of wijkraad A, {tries} tries by B")
    assert failures == []


def test_no_url_answers_500_and_no_page_shows_an_unpublished_address(world):
    values, users, clients = world
    targets = reachable_targets(values, clients)
    addresses = set(User.objects.values_list("email", flat=True))
    assert len(addresses) >= len(users) - 1
    tries, errors, leaks = 0, [], []
    for target in targets:
        for kind, client in clients.items():
            response = client.get(target.path)
            tries += 1
            # 500 is an unhandled error; 501 is an app's placeholder, 503 the health page.
            if response.status_code == 500:
                errors.append(f"{kind} GET {target.path}: {response.status_code}")
            if target.path.startswith("/admin/") or "html" not in response.get("Content-Type", ""):
                continue
            own = users[kind].email if users[kind] else None
            shown = set(EMAIL.findall(response.text)) & addresses
            if shown - {own}:
                leaks.append(f"{kind} {target.path}: {sorted(shown - {own})}")
    print(f"\nURL sweep: {len(targets)} URLs x {len(clients)} kinds = {tries} tries")
    assert errors == []
    assert leaks == []


def test_public_crawl_shows_no_personal_address(world):
    """Anonymous visitors follow every link from the home page: the wijkraden's contact
    addresses and the municipality's are public by design; no person's address is."""
    values, users, clients = world
    client = clients["anonymous"]
    addresses = set(User.objects.values_list("email", flat=True))
    public = {settings.MUNICIPALITY_CONTACT_EMAIL}
    seen, queue, leaks = set(), ["/"], []
    while queue and len(seen) < 300:
        path = queue.pop(0)
        if path in seen or skip_link(path) or path.startswith("/admin/"):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        shown = set(EMAIL.findall(response.text))
        if shown & addresses:
            leaks.append(f"{path}: {sorted(shown & addresses)}")
        assert not (shown & addresses - public)
        queue.extend(same_origin_links(response.text, f"http://testserver{path}"))
    print(f"\npublic crawl: {len(seen)} pages, {len(leaks)} leaks")
    assert len(seen) >= 5
    assert leaks == []
