from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wijkportaal.core.pagecache import ALL, public_page
from wijkportaal.wijkraden.selectors import my_memberships

from .accessibility import statement_context
from .health import healthy, run_checks
from .opendata import catalogue
from .registry import HeadlineFigures, PersonalDataSource, registry
from .search import PAGE_SIZE, SearchForm, counts_per_kind, group_page, search_all
from .web import paginate


@public_page(ALL)
def home(request):
    figures = []
    for headline in registry.all(HeadlineFigures):
        figures.extend(headline.figures())
    sections = registry.render_sections("home", request)
    return render(request, "core/home.html", {"figures": figures, "sections": sections})


@public_page(ALL)
@require_GET
def search(request):
    """/zoeken/?q=...: what the visitor may see, grouped by kind, 20 hits a page. Without a
    query only the search box; an empty or too long one gets a message, never an error page."""
    form = SearchForm(request.GET) if "q" in request.GET else SearchForm()
    context = {"form": form, "query": "", "page": None, "groups": [], "kinds": []}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        rows = search_all(query, request.user)
        page = paginate(request, rows, per_page=PAGE_SIZE)
        context.update(query=query, page=page, groups=group_page(page), kinds=counts_per_kind(rows))
    return render(request, "search/search.html", context)


def accessibility_statement(request):
    return render(request, "core/accessibility.html", statement_context())


def coming_soon(request, title):
    return render(request, "core/coming_soon.html", {"title": title})


@login_required
def my_page(request):
    sections = registry.render_sections("my_page", request, request.user)
    memberships = list(my_memberships(request.user))
    return render(request, "core/my_page.html", {"sections": sections, "memberships": memberships})


def privacy_statement(request):
    return render(
        request,
        "core/privacy.html",
        {
            "audit_retention_days": settings.AUDIT_RETENTION_DAYS,
            "session_days": settings.SESSION_COOKIE_AGE // 86400,
            "sections": registry.render_sections("privacy", request, request.user),
        },
    )


@never_cache
@login_required
@require_GET
def my_data(request):
    """Everything the portal keeps about the logged-in person, as one JSON download."""
    data = {
        "gebruiker": request.user.email,
        "gedownload_op": timezone.now().isoformat(),
    }
    for source in registry.all(PersonalDataSource):
        data[source.key] = source.collect(request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@never_cache
@require_GET
def health(request):
    results = run_checks()
    ok = healthy(results)
    return JsonResponse(
        {"status": "ok" if ok else "error", "checks": results},
        status=200 if ok else 503,
    )


@public_page(ALL)
@require_GET
def open_data_catalogue(request):
    """The DCAT-AP-NL catalogue of the portal's open data (JSON-LD), for data portals."""
    return JsonResponse(
        catalogue(),
        content_type="application/ld+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
