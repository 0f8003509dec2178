"""The web kit: what every app's views do the same way.

- Authorisation: `authorize(request, perm, obj)` — allowed, or anonymous → the login page, or
  anyone else → 404 (objects of another wijkraad do not even reveal that they exist). The same
  as a decorator (`permission_required_or_404`) and a mixin (`PermissionRequired404Mixin`).
- Service errors onto forms: `apply_errors(form, error)`; above the page after a redirect:
  `message_errors(request, error)`.
- Domain errors: services raise `PermissionDenied`, `ValidationError` or `NotFound`
  (wijkportaal.core.errors); `DomainErrorMiddleware` answers `NotFound` with the 404 page and
  `LoginRequired` with a redirect to the login page, so views need no try/except for them.

- Long lists: `paginate(request, items)` → one page with links that keep the filters, shown by
  `{% include "core/_pagination.html" %}`.

Money, CSV and iCal have their own modules: `money.py`, `exports.py`, `ical.py`."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin

from .errors import LoginRequired, NotFound


def authorize(request, perm: str, obj=None) -> None:
    """Return when the user has `perm` (on `obj`); else raise LoginRequired for anonymous
    users (the middleware redirects them to the login page) and Http404 for everyone else."""
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise Http404


def login_required_or_404(request, *, next_url: str | None = None) -> None:
    """For pages of logged-in users only (anonymous → login, back to `next_url` afterwards:
    by default the address asked for)."""
    if not request.user.is_authenticated:
        raise LoginRequired(next_url)


def permission_required_or_404(perm: str, get_object: Callable | None = None):
    """Decorate a function view: `get_object(request, **kwargs)` returns the object the
    permission is checked on (None: a permission without an object)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object else None
            authorize(request, perm, obj)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class PermissionRequired404Mixin(PermissionRequiredMixin):
    """Class-based views: ask the permission layer (`permission_required`,
    `get_permission_object`); anonymous users go to the login, others without the permission
    get 404."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: messages keyed by a field of the form go
    beside that field, everything else above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def message_errors(request, error: ValidationError) -> None:
    """Put a service's ValidationError above the next page, one error message each: for
    buttons that post and redirect back rather than show a form."""
    for message in error.messages:
        messages.error(request, message)


class DomainErrorMiddleware:
    """Translate the services' own errors into answers: NotFound → 404, LoginRequired → the
    login page with a way back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(exception.next_url or request.get_full_path())
        if isinstance(exception, NotFound):
            raise Http404(str(exception)) from exception
        return None


def choices_or_404(request, queryset, field: str = "council"):
    """For forms whose choices are the user's own objects (the wijkraden they are on the board
    of): no choices at all answers 404, and so does a posted id outside them — never a form
    error, so the page does not reveal whether another wijkraad's object exists. Returns the
    queryset for the form."""
    if not queryset.exists():
        raise Http404
    raw = request.POST.get(field) if request.method == "POST" else None
    if raw and not (str(raw).isdigit() and queryset.filter(pk=raw).exists()):
        raise Http404
    return queryset


# One page of a long list. The page number travels as ?pagina= (Dutch like the paths); every
# other parameter of the address (the filters) is kept in the links, so page 2 of a filtered
# list is page 2 of the same filter.
PAGE_PARAM = "pagina"
PAGE_SIZE = 25


def query_without(request, *names: str) -> str:
    """The current query string less `names` (already URL-encoded, without the '?')."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def query_with(request, **params: str) -> str:
    """The current query string with `params` set (an empty value drops one), back on the
    first page: for links that change one filter and keep the others."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    for name, value in params.items():
        query.pop(name, None)
        if value:
            query[name] = value
    return query.urlencode()


def paginate(request, items, *, per_page: int = PAGE_SIZE, param: str = PAGE_PARAM):
    """One page of `items` (a queryset or a list) for `templates/core/_pagination.html`.

    Letters, zero or a negative number give page 1 and a number past the end gives the last
    page: a link that went stale never answers 404 or 500. Costs one COUNT query for a queryset.
    The page carries `links` (numbers and gaps, each with its href), `previous_href`,
    `next_href` and `query` (the kept parameters, for other links on the page)."""
    paginator = Paginator(items, per_page)
    try:
        number = int(request.GET.get(param, "1"))
    except ValueError:
        number = 1
    page = paginator.page(min(max(number, 1), paginator.num_pages))
    query = query_without(request, param)
    prefix = f"?{query}&{param}=" if query else f"?{param}="

    def href(number: int) -> str:
        return f"{prefix}{number}"

    page.query = query
    page.links = [
        {"gap": True}
        if number == Paginator.ELLIPSIS
        else {"number": number, "href": href(number), "current": number == page.number}
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    page.previous_href = href(page.previous_page_number()) if page.has_previous() else ""
    page.next_href = href(page.next_page_number()) if page.has_next() else ""
    return page
