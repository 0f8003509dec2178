"""The page cache (wijkportaal/core/pagecache.py): anonymous visitors get a stored copy of each
public page until a write changes what it shows; the copy never reaches a logged-in user, never
crosses languages, and answers a conditional GET with 304."""

import datetime
import gzip
import re
from decimal import Decimal

import pytest
from django.contrib.messages import SUCCESS
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import _does_token_match, _unmask_cipher_token, get_token
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import timezone

from contracts.beheerexperiment.services import budget_decision_create
from contracts.ondersteuning.services import support_request_create
from council.services import decision_save
from recommendations.services import progress_update_create
from roles.models import Role
from roles.services import role_declaration_create
from tests.contracts.factories import LineFactory
from tests.factories import DepartmentFactory, MembershipFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from tests.test_permission_matrix import ROWS, world  # noqa: F401 - the matrix's world
from tests.toolkit.factories import ChannelKindFactory
from tests.training.factories import SessionFactory
from tests.workgroups.factories import MeetingFactory
from toolkit.services import entry_save
from training.services import session_capacity_change
from wijkportaal.core import pagecache
from wijkportaal.core.registry import PublicData, registry
from wijkportaal.wijkraden.models import Function
from wijkportaal.wijkraden.services import council_profile_update
from workgroups.services import meeting_agenda_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def departments(db):
    """The departments the desk routes the apps' requests to."""
    for slug in ("wijkzaken-en-participatie", "maatschappelijke-ontwikkeling"):
        DepartmentFactory(slug=slug, name=slug, email=f"{slug}@gemeente.test")


def anonymous_get(path, **headers):
    return Client().get(path, **headers)


def text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


# --- Every write path shows on the page at once -----------------------------------------------


def test_every_app_declares_the_data_behind_its_public_pages():
    assert set(registry.keys(PublicData)) == {
        "wijkraden",
        "desk",
        "recommendations",
        "roles",
        "workgroups",
        "training",
        "toolkit",
        "council",
        "contracts",
    }


def _recommendations(administrator, **_):
    action = ActionItemFactory(recommendations=[RecommendationFactory(number=3)])

    def write():
        progress_update_create(
            actor=administrator, action=action, text="Eerste bijeenkomst gehouden", progress=20
        )

    said = "Eerste bijeenkomst gehouden"
    return [
        (f"/voortgang/acties/{action.pk}/", said),
        ("/voortgang/feed/", said),
        ("/voortgang/export.csv", ",gepland,20,"),
        ("/voortgang/export.json", '"voortgang":20'),
    ], write


def _wijkraden(council, chair, **_):
    def write():
        council_profile_update(
            actor=chair, council=council, data={"description": "Wij zijn de wijk Oost"}
        )

    return [(f"/wijkraden/{council.slug}/", "Wij zijn de wijk Oost")], write


def _roles(council, chair, **_):
    def write():
        role_declaration_create(
            actor=chair,
            council=council,
            role=Role.NETWORK,
            start=timezone.localdate(),
            reason="Wij verbinden bewoners en gemeente",
        )

    return [("/wijkraden/rollen/", "1 rolkeuze gevonden")], write


def _workgroups(**_):
    meeting = MeetingFactory()
    chair = meeting.workgroup.chair

    def write():
        meeting_agenda_publish(actor=chair, meeting=meeting, agenda="Agendapunt bomenplan")

    return [(f"/werkgroepen/{meeting.workgroup.slug}/", "Agendapunt bomenplan")], write


def _training(officer, **_):
    session = SessionFactory(capacity=7)

    def write():
        session_capacity_change(actor=officer, session=session, capacity=31)

    return [(f"/scholing/sessies/{session.pk}/", "0 van 31 bezet")], write


def _toolkit(officer, **_):
    def write():
        entry_save(
            actor=officer,
            data={
                "title": "Een wijkkrant maken",
                "kind": "handleiding",
                "summary": "Zo begint u",
                "body": "Tekst",
                "tags": "krant",
            },
        )

    return [("/toolkit/kennis/", "Een wijkkrant maken")], write


def _council(officer, council, **_):
    def write():
        decision_save(
            actor=officer,
            title="Omgevingsvisie Oost",
            summary="Waar bouwen we?",
            decision_date=timezone.localdate() + datetime.timedelta(days=10),
            councils=[council],
        )

    return [("/raad/", "Omgevingsvisie Oost")], write


def _contracts(**_):
    line = LineFactory(amount=Decimal("1000.00"))
    board = MembershipFactory(council=line.pilot.council, function=Function.CHAIR).person

    def write():
        budget_decision_create(
            actor=board,
            line=line,
            decided_on=timezone.localdate(),
            amount=Decimal("250.00"),
            purpose="Plantenbakken",
            recipient="Buurtvereniging",
        )

    return [(f"/beheerexperiment/{line.pilot.pk}/", "Plantenbakken")], write


WRITES = {
    "recommendations": _recommendations,
    "wijkraden": _wijkraden,
    "roles": _roles,
    "workgroups": _workgroups,
    "training": _training,
    "toolkit": _toolkit,
    "council": _council,
    "contracts": _contracts,
}


@pytest.mark.parametrize("scope", sorted(WRITES))
def test_a_write_through_the_service_shows_on_the_cached_page_at_once(
    scope, administrator, officer, council, chair, django_capture_on_commit_callbacks
):
    pages, write = WRITES[scope](
        administrator=administrator, officer=officer, council=council, chair=chair
    )
    before = {}
    for path, expected in pages:
        response = anonymous_get(path)
        assert response.status_code == 200, path
        assert "public" in response["Cache-Control"], path
        before[path] = response["ETag"]
        assert expected not in text(response), path
        assert anonymous_get(path)["ETag"] == before[path]  # served from the cache

    with django_capture_on_commit_callbacks(execute=True):
        write()

    for path, expected in pages:
        response = anonymous_get(path)
        assert expected in text(response), path
        assert response["ETag"] != before[path], path


def test_the_desk_answer_times_follow_a_new_request(
    council, chair, django_capture_on_commit_callbacks
):
    assert "nog geen verzoeken ontvangen" in text(anonymous_get("/voortgang/reactietijd/"))
    with django_capture_on_commit_callbacks(execute=True):
        support_request_create(
            actor=chair, council=council, offer=None, subject="Hulp", question="Graag hulp"
        )
    assert "nog geen verzoeken ontvangen" not in text(anonymous_get("/voortgang/reactietijd/"))


def test_an_admin_save_shows_on_the_cached_page(council):
    # What the admin does on save: model.save() — the signal bumps the scope.
    assert council.name in text(anonymous_get("/wijkraden/"))
    council.name = "Wijkraad Nieuwe Naam"
    council.save()
    assert "Wijkraad Nieuwe Naam" in text(anonymous_get("/wijkraden/"))


def test_an_admin_form_save_shows_on_the_cached_page(client, administrator):
    kind = ChannelKindFactory(name="Wijkkrant")
    assert "Wijkkrant" in text(anonymous_get("/toolkit/"))
    client.force_login(administrator)
    response = client.post(
        f"/admin/toolkit/channelkind/{kind.pk}/change/",
        {
            "name": "Buurtkrant op papier",
            "slug": kind.slug,
            "description": "",
            "default_reach_unit": kind.default_reach_unit,
            "order": 1,
        },
    )
    assert response.status_code == 302
    page = text(anonymous_get("/toolkit/"))
    assert "Buurtkrant op papier" in page and "Wijkkrant" not in page


def test_a_rolled_back_write_leaves_the_cache_working(council, chair):
    page = anonymous_get("/wijkraden/")

    with pytest.raises(RuntimeError), transaction.atomic():
        council.name = "Nooit opgeslagen"
        council.save()
        raise RuntimeError
    # A later write in a new transaction still bumps after its commit.
    council.refresh_from_db()
    again = anonymous_get("/wijkraden/")
    assert "Nooit opgeslagen" not in text(again)
    council.name = "Wel opgeslagen"
    council.save()
    assert "Wel opgeslagen" in text(anonymous_get("/wijkraden/"))
    assert page.status_code == 200


# --- Conditional GET ---------------------------------------------------------------------------


def test_a_matching_etag_gets_304_and_a_write_makes_it_200_again(council, chair):
    first = anonymous_get("/wijkraden/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified

    again = anonymous_get("/wijkraden/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert anonymous_get("/wijkraden/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    council_profile_update(actor=chair, council=council, data={"description": "Nieuw"})
    after = anonymous_get("/wijkraden/", HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and after["ETag"] != etag


def test_anonymous_pages_may_be_kept_by_a_proxy_and_vary_on_cookie(council):
    response = anonymous_get("/toolkit/")
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=60" in control and "max-age=0" in control
    assert "Cookie" in response["Vary"]
    assert not response.cookies


def test_a_browser_that_accepts_gzip_gets_the_same_page_compressed(council):
    plain = anonymous_get("/wijkraden/")
    packed = anonymous_get("/wijkraden/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
    assert {"Cookie", "Accept-Encoding"} <= {v.strip() for v in packed["Vary"].split(",")}
    # One (weak) validator for both encodings: either copy revalidates with 304.
    assert packed["ETag"] == plain["ETag"] and plain["ETag"].startswith('W/"')
    again = anonymous_get(
        "/wijkraden/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=plain["ETag"]
    )
    assert again.status_code == 304


def test_a_streamed_export_is_compressed_whole_and_reads_back(council):
    ActionItemFactory.create_batch(5, recommendations=[RecommendationFactory(number=2)])
    plain = anonymous_get("/voortgang/export.json")
    packed = anonymous_get("/voortgang/export.json", HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    packed_body, plain_body = b"".join(packed.streaming_content), b"".join(plain.streaming_content)
    assert gzip.decompress(packed_body) == plain_body
    # Kept whole, so a download knows its length.
    assert int(packed["Content-Length"]) == len(packed_body)
    assert int(plain["Content-Length"]) == len(plain_body)


def test_a_page_with_the_visitors_own_token_is_never_compressed():
    """A form's CSRF token in a compressed page would leak through its size (BREACH)."""

    @pagecache.public_page(("toolkit",))
    def long_form(request):
        return HttpResponse(
            "<p>" + "Uitleg bij het formulier. " * 100 + "</p>"
            '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="'
            + get_token(request)
            + '"></form>'
        )

    for _visit in range(2):  # rendered, then from the cache
        request = RequestFactory().get("/lang-formulier/", HTTP_ACCEPT_ENCODING="gzip")
        request.COOKIES = {}
        response = long_form(request)
        assert "Content-Encoding" not in response
        assert b"csrfmiddlewaretoken" in response.content


def test_a_deployment_serves_no_page_rendered_by_the_old_code(council):
    """Every deployment runs migrate before the new code serves; after it, pages and
    fragments are rendered again (the templates may have changed)."""
    from django.core.management.sql import emit_post_migrate_signal

    before = anonymous_get("/wijkraden/")["ETag"]
    assert anonymous_get("/wijkraden/")["ETag"] == before
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert anonymous_get("/wijkraden/")["ETag"] != before


# --- Logged in versus anonymous ---------------------------------------------------------------


def test_a_logged_in_user_never_gets_the_anonymous_copy(client, chair, council):
    anonymous = anonymous_get(f"/wijkraden/{council.slug}/")
    assert "Uitloggen" not in text(anonymous)
    client.force_login(chair)
    page = client.get(f"/wijkraden/{council.slug}/", HTTP_IF_NONE_MATCH=anonymous["ETag"])
    assert page.status_code == 200
    assert "Uitloggen" in text(page)
    assert "private" in page["Cache-Control"] and "public" not in page["Cache-Control"]
    assert "ETag" not in page


def test_an_anonymous_visitor_never_gets_a_logged_in_page(client, chair, council):
    client.force_login(chair)
    assert "Uitloggen" in text(client.get("/scholing/"))
    page = anonymous_get("/scholing/")
    assert "Uitloggen" not in text(page) and "Inloggen" in text(page)


def test_pending_messages_are_shown_not_a_cached_copy(council):
    anonymous_get("/wijkraden/")  # stored
    storage = CookieStorage(RequestFactory().get("/"))
    visitor = Client()
    visitor.cookies["messages"] = storage._encode([Message(SUCCESS, "Uw voorstel is verstuurd")])
    page = visitor.get("/wijkraden/")
    assert "Uw voorstel is verstuurd" in text(page)
    assert "public" not in page["Cache-Control"]
    assert "Uw voorstel is verstuurd" not in text(anonymous_get("/wijkraden/"))


# --- Languages --------------------------------------------------------------------------------


def test_the_english_page_is_never_the_dutch_copy_and_back():
    dutch = anonymous_get("/")
    assert '<html lang="nl"' in text(dutch)
    english_visitor = Client()
    english_visitor.cookies["django_language"] = "en"
    english = english_visitor.get("/")
    assert '<html lang="en"' in text(english)
    assert english["ETag"] != dutch["ETag"]
    assert english_visitor.get("/", HTTP_IF_NONE_MATCH=dutch["ETag"]).status_code == 200
    assert '<html lang="nl"' in text(anonymous_get("/"))
    # The browser's own language does not switch the portal (Dutch first), nor its copy.
    assert '<html lang="nl"' in text(anonymous_get("/", HTTP_ACCEPT_LANGUAGE="en"))


def test_switching_language_shows_the_other_language_at_once():
    visitor = Client(enforce_csrf_checks=True)
    assert '<html lang="nl"' in text(visitor.get("/toolkit/"))
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/toolkit/"})
    assert response.status_code == 302
    assert '<html lang="en"' in text(visitor.get("/toolkit/"))


def test_a_logged_in_users_language_switch_still_needs_the_token(chair):
    visitor = Client(enforce_csrf_checks=True)
    visitor.force_login(chair)
    assert visitor.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 403
    page = text(visitor.get("/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


# --- CSRF in a cached page with a form --------------------------------------------------------


def test_a_cached_page_with_a_form_carries_each_visitors_own_working_token():
    # No public page has a form of its own today (the header's language switch needs no token
    # for anonymous visitors), so a cached view made for this test renders one.

    @pagecache.public_page(("toolkit",))
    def with_form(request):
        return HttpResponse(
            '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="'
            + get_token(request)
            + '"></form>'
        )

    factory = RequestFactory()

    def visit():
        request = factory.get("/formulier/")
        request.COOKIES = {}
        response = with_form(request)
        token = re.search(rb'value="([^"]+)"', response.content).group(1).decode()
        return request, response, token

    first_request, first, first_token = visit()
    second_request, second, second_token = visit()  # from the cache
    assert first_token != second_token
    assert b"placeholder" not in second.content
    assert "private" in second["Cache-Control"] and "ETag" not in second

    secret = second_request.META["CSRF_COOKIE"]
    assert _does_token_match(second_token, secret)
    assert _unmask_cipher_token(first_token) != secret


# --- Speed ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/voortgang/", "/wijkraden/", "/toolkit/", "/scholing/", "/raad/", "/ondersteuning/"],
)
def test_a_warm_anonymous_hit_runs_no_queries(path, council, django_assert_num_queries):
    RecommendationFactory(number=1)
    assert anonymous_get(path).status_code == 200
    with django_assert_num_queries(0):
        response = anonymous_get(path)
    assert response.status_code == 200 and "public" in response["Cache-Control"]


# --- Every public page of the URL matrix ------------------------------------------------------

# Public pages that are not cached: forms and statements outside the progress programme.
UNCACHED = {"/toegankelijkheid/", "/privacy/", "/accounts/login/", "/uitdaagrecht/voorstel/"}
# File downloads are served from storage as attachments (core.uploads.download_response), never
# kept in the page cache.
DOWNLOAD_MARKERS = ("/download/",)
PUBLIC_ROWS = [
    row
    for row in ROWS
    if row.expected("anonymous") == 200
    and row.url not in UNCACHED
    and not any(marker in row.url for marker in DOWNLOAD_MARKERS)
]


@pytest.mark.parametrize("row", PUBLIC_ROWS, ids=[row.url for row in PUBLIC_ROWS])
def test_every_public_page_is_cached_for_anonymous_visitors_only(
    world,  # noqa: F811 - the fixture imported from the URL matrix
    row,
    django_assert_num_queries,
):
    values, users = world
    url = row.url.format(**values)
    assert hasattr(resolve(url.split("?")[0]).func, "public_page_scopes"), url

    first = anonymous_get(url)
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    body = text(first)
    with django_assert_num_queries(0):
        warm = anonymous_get(url)
    assert text(warm) == body
    assert anonymous_get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    member = Client()
    member.force_login(users["member"])
    page = member.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert page.status_code == 200
    assert "public" not in page["Cache-Control"] and "ETag" not in page
    if page["Content-Type"].startswith("text/html"):
        assert "Uitloggen" in text(page) and "Uitloggen" not in body


# --- Bumps ------------------------------------------------------------------------------------


def test_a_bump_changes_the_version_now_and_again_at_commit(django_capture_on_commit_callbacks):
    start = pagecache.version("toolkit")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        pagecache.bump("toolkit")
        pagecache.bump("toolkit")
        pagecache.bump("training")
        inside = pagecache.version("toolkit")
        assert inside != start
    assert len(callbacks) == 2  # one commit bump per scope, however many writes
    assert pagecache.version("toolkit") not in (start, inside)


def test_a_rolled_back_bump_is_scheduled_again_by_the_next_write(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            pagecache.bump("council")
            raise RuntimeError
        pagecache.bump("council")
    assert len(callbacks) == 1


def test_a_response_that_sets_a_cookie_is_never_public():
    def view(request):
        response = HttpResponse("ok")
        response["Cache-Control"] = "public, max-age=60"
        response.set_cookie("proef", "1")
        return response

    response = pagecache.PublicCacheGuardMiddleware(view)(RequestFactory().get("/"))
    assert response["Cache-Control"] == "private, no-cache"
    assert "Cookie" in response["Vary"]


def test_a_head_request_is_answered_from_the_cache_too(council, django_assert_num_queries):
    anonymous_get("/wijkraden/")
    with django_assert_num_queries(0):
        response = Client().head("/wijkraden/")
    assert response.status_code == 200 and response["ETag"]


def test_a_copy_lives_one_time_slot_at_most(settings, council, time_machine):
    settings.PAGECACHE_TIME_SLOT = 300
    time_machine.move_to(timezone.now().replace(minute=1, second=0), tick=False)
    first = anonymous_get("/wijkraden/")
    time_machine.shift(datetime.timedelta(minutes=2))
    assert anonymous_get("/wijkraden/")["ETag"] == first["ETag"]
    time_machine.shift(datetime.timedelta(minutes=5))
    later = anonymous_get("/wijkraden/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200 and later["ETag"] != first["ETag"]
