"""The public progress pages. Thin: parse, authorise, call a selector or service, render."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkportaal.core import pagecache
from wijkportaal.core.exports import csv_response, json_response
from wijkportaal.core.opendata import LICENCE
from wijkportaal.core.pagecache import ALL, public_page
from wijkportaal.core.registry import registry
from wijkportaal.core.web import (
    apply_errors,
    authorize,
    login_required_or_404,
    paginate,
    permission_required_or_404,
)
from wijkportaal.desk.promise import case_promise_message
from wijkportaal.desk.selectors import answer_promise, case_for_subject, response_times
from wijkportaal.permissions import current_council_ids
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .cache import MONITOR_SCOPES
from .filters import ActionFilter
from .forms import ReactionForm, ReactionHideForm
from .models import ActionItem, Reaction, Recommendation

# The JSON Schema of /voortgang/export.json, kept in the repository and tested against.
EXPORT_SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "export.schema.json"

# Actions per page of a recommendation: each is a card with its owner, planning and latest
# updates, so ten make a page that is read on a phone without endless scrolling.
ACTIONS_PER_PAGE = 10

# Stands in for the CSRF token in a cached page; replaced by the visitor's own token.
CSRF_PLACEHOLDER = "csrf-placeholder-5b0e7c3a"
# Stands in for the indicators in the cached body; computed and put in on every request.
INDICATORS_PLACEHOLDER = "indicators-placeholder-7d1c2e94"


def _with_indicators(page: str) -> str:
    html = render_to_string(
        "recommendations/_indicators.html", {**selectors.monitor_indicators(), "history": True}
    )
    return page.replace(INDICATORS_PLACEHOLDER, html)


@public_page(ALL)
@require_GET
def monitor(request):
    """/voortgang/: the overview, the indicators and the charts; the full action table is on
    /voortgang/acties/ (an old address with filters goes there). The body is cached per
    language until the next change; for anonymous visitors without messages the whole page is,
    with their own CSRF token put in. A warm request runs no queries."""
    today = timezone.localdate()
    if request.GET:
        return redirect(f"{reverse('recommendations:action-list')}?{request.GET.urlencode()}")

    def unfiltered_body():
        return pagecache.fragment(
            "recommendations:monitor-body",
            MONITOR_SCOPES,
            lambda: _render_monitor_body(today),
            vary=(today,),
        )

    if request.user.is_authenticated or len(messages.get_messages(request)):
        return _render_monitor_page(request, unfiltered_body())
    page = pagecache.fragment(
        "recommendations:monitor-page",
        MONITOR_SCOPES,
        lambda: render_to_string(
            "recommendations/recommendation_list.html",
            {"body": mark_safe(unfiltered_body()), "csrf_token": CSRF_PLACEHOLDER},  # noqa: S308
            request,
        ).encode(),
        vary=(today,),
    )
    if CSRF_PLACEHOLDER.encode() in page:  # only a page with a form asks for a token (a cookie)
        page = page.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    return HttpResponse(_with_indicators(page.decode()))


def _render_monitor_page(request, body: str):
    return render(
        request,
        "recommendations/recommendation_list.html",
        {"body": mark_safe(_with_indicators(body))},  # noqa: S308
    )


def _render_monitor_body(today) -> str:
    return render_to_string(
        "recommendations/_monitor_body.html",
        {**selectors.monitor_summary(today), "today": today},
    )


@public_page(ALL)
@require_GET
def action_list(request):
    """/voortgang/acties/: every action, filtered (status, department, overdue) and paged; the
    filters stay in the page links. Page-cached for anonymous visitors per filter and page."""
    today = timezone.localdate()
    action_filter = ActionFilter(request.GET or None, queryset=ActionItem.objects.all())
    if not action_filter.is_bound:
        actions = ActionItem.objects.all()
    elif action_filter.is_valid():
        actions = action_filter.qs
    else:
        actions = ActionItem.objects.none()
    page = paginate(request, selectors.monitor_actions(actions))
    for action in page.object_list:
        action.waiting = selectors.waiting_on(action)
        action.overdue = action.is_overdue(today)
    return render(
        request,
        "recommendations/actionitem_list.html",
        {"filter": action_filter, "page": page, "actions": page.object_list, "today": today},
    )


@public_page(ALL)
@require_GET
def recommendation_detail(request, number):
    context = selectors.recommendation_detail(number)
    today = timezone.localdate()
    page = paginate(request, context["actions"], per_page=ACTIONS_PER_PAGE)
    links = registry.action_links([a.pk for a in page.object_list]) if page.object_list else {}
    for action in page.object_list:
        action.waiting = selectors.waiting_on(action)
        action.overdue = action.is_overdue(today)
        action.link_items = links.get(action.pk, [])
    context.update(page=page, actions=page.object_list)
    context["following"] = selectors.follows_of(
        request.user, recommendation=context["recommendation"]
    )
    return render(request, "recommendations/recommendation_detail.html", context)


def _reaction_councils(user):
    if not user.is_authenticated or not user.has_perm("recommendations.react_actionitem"):
        return None
    return NeighbourhoodCouncil.objects.filter(pk__in=current_council_ids(user)).order_by("name")


@public_page(ALL)
@require_http_methods(["GET", "POST"])
def action_detail(request, pk):
    """One action; wijkraad members react here (POST)."""
    councils = _reaction_councils(request.user)
    form = None
    status = 200
    if request.method == "POST":
        authorize(request, "recommendations.react_actionitem")
        action = get_object_or_404(ActionItem, pk=pk)
        form = ReactionForm(request.POST, councils=councils)
        if form.is_valid():
            try:
                reaction = services.reaction_create(
                    actor=request.user,
                    action=action,
                    text=form.cleaned_data["text"],
                    council=form.cleaned_data.get("council"),
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                # A wijkraad the member does not (or no longer) belong to: nothing revealed.
                raise Http404 from error
            else:
                messages.success(
                    request,
                    case_promise_message(_("Uw reactie is geplaatst."), case_for_subject(reaction)),
                )
                return redirect(action.get_absolute_url() + "#reacties")
        status = 400
    context = selectors.action_detail(pk)
    action = context["action"]
    action.overdue = action.is_overdue()
    if councils is not None and form is None:
        form = ReactionForm(councils=councils)
    if form is not None:
        context["answer_promise"] = answer_promise(
            services.REACTION_CASE, default=action.department
        )
    context.update(
        {
            "form": form,
            "following": selectors.follows_of(request.user, action=action),
            "can_hide": request.user.has_perm("recommendations.hide_reaction"),
        }
    )
    return render(request, "recommendations/actionitem_detail.html", context, status=status)


@require_POST
def my_changes_read(request):
    """The button under "Wat veranderde" on /mijn/: mark the changes as read."""
    login_required_or_404(request, next_url=reverse("core:my-page"))
    services.my_page_changes_read(actor=request.user)
    messages.success(request, _("De veranderingen zijn gemarkeerd als gelezen."))
    return redirect("core:my-page")


def _follow_toggle(request, *, recommendation=None, action=None):
    authorize(request, "recommendations.follow")
    target = recommendation or action
    if request.POST.get("unfollow"):
        services.follow_delete(actor=request.user, recommendation=recommendation, action=action)
        messages.success(request, _("U volgt „%(name)s” niet meer.") % {"name": target.title})
    else:
        services.follow_create(actor=request.user, recommendation=recommendation, action=action)
        messages.success(
            request,
            _("U volgt nu „%(name)s”. Wat er verandert ziet u op uw pagina.")
            % {"name": target.title},
        )
    return redirect(target.get_absolute_url())


@require_POST
def recommendation_follow(request, number):
    recommendation = Recommendation.objects.filter(number=number).first()
    if recommendation is None:
        raise Http404(_("Er is geen aanbeveling met nummer %(n)s.") % {"n": number})
    return _follow_toggle(request, recommendation=recommendation)


@require_POST
def action_follow(request, pk):
    return _follow_toggle(request, action=get_object_or_404(ActionItem, pk=pk))


@require_http_methods(["GET", "POST"])
@permission_required_or_404("recommendations.hide_reaction")
def reaction_hide(request, pk):
    """An officer hides a reaction, with a reason shown in its place."""
    reaction = get_object_or_404(Reaction.objects.select_related("action", "council"), pk=pk)
    form = ReactionHideForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.reaction_hide(
                actor=request.user, reaction=reaction, reason=form.cleaned_data["hidden_reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De reactie is verborgen; de reden staat op de pagina."))
            return redirect(reaction.action.get_absolute_url() + "#reacties")
    if request.method == "POST":
        status = 400
    return render(
        request,
        "recommendations/reaction_hide.html",
        {"reaction": reaction, "form": form},
        status=status,
    )


# --- Open data --------------------------------------------------------------------------------


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/") if request else settings.SITE_URL


@public_page(("recommendations",))
@require_GET
def export_csv(request):
    data = selectors.export_data(_site_url(request))
    columns = [name for name, _help in selectors.EXPORT_COLUMNS]
    rows = (
        [
            ";".join(str(n) for n in row["aanbevelingen"]) if name == "aanbevelingen" else row[name]
            for name in columns
        ]
        for row in data["rows"]
    )
    return csv_response("voortgang-acties.csv", columns, rows)


@public_page(ALL)
@require_GET
def export_json(request):
    data = selectors.export_data(_site_url(request))
    payload = {
        "gegenereerd_op": timezone.localtime().isoformat(),
        "bron": _site_url(request) + "/voortgang/",
        "licentie": LICENCE,
        "schema": _site_url(request) + reverse("recommendations:export-schema"),
        "recommendations": data["recommendations"],
        "indicators": selectors.export_indicators(),
        "response_times": response_times(),
    }
    return json_response(payload)


@public_page(())
@require_GET
def export_schema(request):
    """The JSON Schema of export.json, as kept in the repository."""
    return HttpResponse(EXPORT_SCHEMA_PATH.read_bytes(), content_type="application/schema+json")


@public_page(ALL)
@require_GET
def export_columns(request):
    return render(
        request,
        "recommendations/export_columns.html",
        {
            "columns": selectors.EXPORT_COLUMNS,
            "indicator_fields": selectors.EXPORT_INDICATOR_FIELDS,
        },
    )


@require_GET
def ping(request):
    """A trivial page for the throughput benchmark's baseline (same middleware, no database)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
