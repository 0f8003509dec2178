"""The wijkraad's view of its cases and the public answer times: parse, authorise, read."""

from __future__ import annotations

import datetime

from django.shortcuts import render
from django.urls import NoReverseMatch

from wijkportaal.core.charts import percentage_bars
from wijkportaal.core.web import authorize, login_required_or_404, paginate

from . import selectors
from .models import CaseEventKind

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
