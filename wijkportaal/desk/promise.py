"""The promise on an app's confirmation: after a submission opened a case, the message on the
next page says which department answers, by which date, and links to the case at
/mijn/verzoeken/. The message is safe HTML (the messages framework keeps it safe)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import Case


def case_promise_message(lead: str, case: Case | None) -> SafeString:
    """`lead` (escaped), then the promise of `case`; without a case only the lead."""
    return render_to_string("desk/case_promise_message.html", {"lead": lead, "case": case})
