"""The accessibility statement (toegankelijkheidsverklaring) after the Dutch model of
digitoegankelijk.nl, rendered from data: the statement's facts come from
ACCESSIBILITY_STATEMENT_FILE (a JSON file a municipality fills in with its own evaluation),
the automated sweep's figures from ACCESSIBILITY_SWEEP_FILE (written by the browser sweep).
The compliance status A–E is derived from those facts, never typed in:

- A  voldoet volledig: a complete evaluation (all 50 requirements of WCAG 2.1 A/AA, the whole
     site, WCAG-EM) at most three years old, and no known gap;
- B  voldoet gedeeltelijk: such an evaluation, with known gaps that each have a measure and a
     planned date;
- C  eerste maatregelen genomen: no valid complete evaluation, but one is planned within six
     months of the statement's date;
- D  geen maatregelen genomen: none of the above;
- E  voldoet niet: no (readable) statement."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "A": _("voldoet volledig"),
    "B": _("voldoet gedeeltelijk"),
    "C": _("eerste maatregelen genomen"),
    "D": _("geen maatregelen genomen"),
    "E": _("voldoet niet"),
}
EVALUATION_VALID_FOR = datetime.timedelta(days=3 * 365)
PLANNED_WITHIN = datetime.timedelta(days=183)


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def statement_read(path: Path | str | None = None) -> dict | None:
    """The statement's facts with dates parsed, or None when the file is missing or broken."""
    path = Path(path or settings.ACCESSIBILITY_STATEMENT_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        statement = {
            "updated": _date(data["updated"]),
            "scope": str(data["scope"]),
            "evaluation": None,
            "planned_evaluation": None,
            "gaps": [],
            "response_days": int(data["response_days"]),
        }
        if data.get("evaluation"):
            evaluation = data["evaluation"]
            statement["evaluation"] = {
                "date": _date(evaluation["date"]),
                "by": str(evaluation["by"]),
                "method": str(evaluation["method"]),
                "scope": str(evaluation["scope"]),
                "complete": bool(evaluation["complete"]),
                "report_url": str(evaluation.get("report_url", "")),
            }
        if data.get("planned_evaluation"):
            planned = data["planned_evaluation"]
            statement["planned_evaluation"] = {
                "date": _date(planned["date"]),
                "method": str(planned.get("method", "")),
            }
        for gap in data.get("gaps") or []:
            statement["gaps"].append(
                {
                    "criterion": str(gap["criterion"]),
                    "problem": str(gap["problem"]),
                    "measure": str(gap.get("measure", "")),
                    "planned": _date(gap.get("planned")),
                }
            )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if statement["updated"] is None:
        return None
    return statement


def compliance_status(statement: dict | None, today: datetime.date | None = None) -> str:
    if statement is None:
        return "E"
    today = today or timezone.localdate()
    evaluation = statement["evaluation"]
    valid = (
        evaluation is not None
        and evaluation["complete"]
        and evaluation["date"] is not None
        and today - evaluation["date"] <= EVALUATION_VALID_FOR
    )
    if valid and not statement["gaps"]:
        return "A"
    if valid and all(gap["measure"] and gap["planned"] for gap in statement["gaps"]):
        return "B"
    planned = statement["planned_evaluation"]
    if planned and planned["date"] - statement["updated"] <= PLANNED_WITHIN:
        return "C"
    return "D"


def published_a11y_result(path: Path | str | None = None) -> dict | None:
    """The summary of the latest accessibility sweep on this installation, as the sweep
    (tests/browser/test_accessibility_sweep.py) wrote it to ACCESSIBILITY_SWEEP_FILE, or None
    when no complete sweep ran here."""
    path = Path(path or settings.ACCESSIBILITY_SWEEP_FILE)
    try:
        result = json.loads(path.read_text())
        result["date"] = datetime.date.fromisoformat(result["date"])
        result["kinds"] = dict(result["kinds"])
        int(result["pages"]), int(result["violations"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return result


def statement_context(today: datetime.date | None = None) -> dict:
    statement = statement_read()
    status = compliance_status(statement, today)
    return {
        "statement": statement,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "sweep": published_a11y_result(),
    }
