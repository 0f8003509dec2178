"""The wijkraad's view of its cases and the public answer times: parse, authorise, read."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkportaal.core.charts import percentage_bars
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.web import apply_errors, authorize, login_required_or_404, paginate

from . import selectors, services
from .forms import RemovalRequestForm
from .models import REMOVAL_CASE, CaseEventKind
from .promise import case_promise_message

# The history a submitter reads: the internal reminders and escalations stay in the admin.
PUBLIC_EVENTS = {
    CaseEventKind.RECEIVED,
    CaseEventKind.ASSIGNED,
    CaseEventKind.FORWARDED,
    CaseEventKind.STARTED,
    CaseEventKind.ANSWERED,
    CaseEventKind.CLOSED,
}


def case_list(request):
    authorize(request, "desk.view_own_cases")
    cases = selectors.my_cases(request.user)
    # Two lists on one page, each with its own page number in the address.
    open_page = paginate(request, cases["open"], param="lopend")
    finished_page = paginate(request, cases["finished"])
    context = {
        "open": open_page.object_list,
        "open_page": open_page,
        "finished": finished_page.object_list,
        "finished_page": finished_page,
        "today": cases["today"],
    }
    return render(request, "desk/case_list.html", context)


def _subject_url(case) -> str:
    """The submitted object's own page, when its app gives it one."""
    getter = getattr(case.subject, "get_absolute_url", None) if case.content_type_id else None
    try:
        return getter() if getter else ""
    except NoReverseMatch:
        return ""


def case_detail(request, pk: int):
    login_required_or_404(request)
    case = selectors.case_get(pk)
    authorize(request, "desk.view_case", case)
    events = [event for event in case.events.all() if event.event in PUBLIC_EVENTS]
    context = {"case": case, "events": events, "subject_url": _subject_url(case)}
    return render(request, "desk/case_detail.html", context)


@public_page(("desk",))
def response_times(request):
    figures = selectors.response_times()
    context = {
        "figures": figures,
        # One bar per department: the share answered within the term.
        "chart": percentage_bars(
            [
                {"label": row["department"], "pct": row["answered_in_term_pct"]}
                for row in figures["departments"]
            ],
            value="pct",
            label_width=190,
            bar_width=280,
        ),
        "period_start": datetime.date.fromisoformat(figures["period"]["from"]),
        "period_end": datetime.date.fromisoformat(figures["period"]["to"]),
    }
    return render(request, "desk/response_times.html", context)


@require_http_methods(["GET", "POST"])
def removal_request(request):
    """/mijn/gegevens/verwijderen/: a logged-in person asks for the removal of their account
    and data. The POST (with the confirmation) opens a case for the administrators; nothing
    is deleted here."""
    authorize(request, "desk.request_removal")
    open_request = selectors.open_removal_request(request.user)
    form = RemovalRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and open_request is None and form.is_valid():
        try:
            case, _created = services.removal_request_open(
                actor=request.user, explanation=form.cleaned_data["explanation"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                case_promise_message(
                    _(
                        "Uw verzoek om verwijdering is ingediend. Een functioneel beheerder "
                        "handelt het af; tot dan blijft uw account gewoon werken."
                    ),
                    case,
                ),
            )
            return redirect("desk:case-detail", pk=case.pk)
    context = {
        "form": form,
        "open_request": open_request,
        "promise": selectors.answer_promise(REMOVAL_CASE),
    }
    return render(request, "desk/removal_request.html", context)
