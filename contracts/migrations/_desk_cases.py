"""Shared by the data migrations that open desk cases for the submissions that were open
before the desk existed (the loader skips modules whose name starts with "_"). Rows are
written directly, with the dates of the submission; no mail is sent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wijkportaal.core.workdays import add_working_days


def department_for(apps, slug: str):
    """The kind's default department, else the first one; None when there is none at all."""
    Department = apps.get_model("wijkraden", "Department")
    return Department.objects.filter(slug=slug).first() or Department.objects.order_by("pk").first()


def content_type_for(apps, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="contracts", model=model)[0]


def open_case(
    apps,
    *,
    kind: str,
    term_days: int,
    department,
    content_type,
    obj,
    title: str,
    summary: str,
    council_id,
    submitted_by_id,
    received_at: datetime.datetime,
    started_at: datetime.datetime | None = None,
    public: bool = False,
    submitter_name: str = "",
    submitter_email: str = "",
) -> None:
    """One case for `obj` (unless it has one): received at `received_at`, and in behandeling
    since `started_at` when given; its history says so."""
    Case = apps.get_model("desk", "Case")
    CaseEvent = apps.get_model("desk", "CaseEvent")
    if Case.objects.filter(content_type=content_type, object_id=obj.pk).exists():
        return
    status = "in_behandeling" if started_at else "ontvangen"
    started_at = max(started_at, received_at) if started_at else None
    case = Case.objects.create(
        kind=kind,
        content_type=content_type,
        object_id=obj.pk,
        title=" ".join(title.split())[:200],
        summary=summary[:10_000],
        council_id=council_id,
        submitted_by_id=submitted_by_id,
        submitter_name=submitter_name[:200],
        submitter_email=submitter_email,
        is_public=public,
        department=department,
        status=status,
        status_changed_at=started_at or received_at,
        received_at=received_at,
        answer_by=add_working_days(timezone.localdate(received_at), term_days),
    )
    CaseEvent.objects.create(
        case=case,
        event="received",
        from_status="ontvangen",
        to_status="ontvangen",
        at=received_at,
        by_id=submitted_by_id,
    )
    if started_at:
        CaseEvent.objects.create(
            case=case,
            event="started",
            from_status="ontvangen",
            to_status="in_behandeling",
            at=started_at,
        )


def first_history_moment(history_model, object_id: int, **status) -> datetime.datetime | None:
    """When the object's history first shows it with this status (simple_history rows)."""
    row = (
        history_model.objects.filter(id=object_id, **status)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return row
