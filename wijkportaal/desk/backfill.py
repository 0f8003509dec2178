"""For the apps' data migrations: open a case for a submission made before the desk existed.

It writes the Case and its "received" history entry directly, with the dates of the submission
and no mail (the submitter was told nothing then, and a migration sends nothing). A case whose
answer-by date has already passed is marked as reminded and escalated at the moment of the
migration: it shows as overdue on the worklist at once, without a burst of escalation mails
about old submissions. The caller passes the historical models (`apps.get_model`), so this keeps
working as the models change."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wijkportaal.core.workdays import add_working_days

RECEIVED = "ontvangen"


def backfill_case(
    Case,  # noqa: N803 - a historical model class
    CaseEvent,  # noqa: N803
    *,
    kind: str,
    term_days: int,
    content_type_id: int,
    object_id: int,
    title: str,
    summary: str,
    council_id: int | None,
    submitted_by_id: int | None,
    department_id: int,
    received_at: datetime.datetime,
    topic: str = "",
    is_public: bool = True,
    now: datetime.datetime | None = None,
):
    """The case of one open submission (None when it has one already)."""
    if Case.objects.filter(content_type_id=content_type_id, object_id=object_id).exists():
        return None
    now = now or timezone.now()
    answer_by = add_working_days(timezone.localdate(received_at), term_days)
    late = answer_by < timezone.localdate(now)
    case = Case.objects.create(
        kind=kind,
        topic=topic[:100],
        content_type_id=content_type_id,
        object_id=object_id,
        title=" ".join(title.split())[:200],
        summary=summary[:10000],
        council_id=council_id,
        submitted_by_id=submitted_by_id,
        is_public=is_public,
        department_id=department_id,
        status=RECEIVED,
        status_changed_at=received_at,
        received_at=received_at,
        answer_by=answer_by,
        reminded_at=now if late else None,
        escalated_at=now if late else None,
    )
    CaseEvent.objects.create(
        case=case,
        event="received",
        from_status=RECEIVED,
        to_status=RECEIVED,
        by_id=submitted_by_id,
        at=received_at,
    )
    return case
