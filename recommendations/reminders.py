"""Reminders about actions (due soon, overdue, dependency finished), registered with the
notification registry. Every finder runs a constant number of queries, whatever the number of
actions or recipients; occasion keys make each message go out once."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource

from .models import ActionItem
from .selectors import waiting_on

DUE_SOON_DAYS = 7
OVERDUE_EVERY_DAYS = 7

KIND_DUE_SOON = "action_due_soon"
KIND_OVERDUE = "action_overdue"
KIND_DEPENDENCY_DONE = "action_dependency_done"


def find_action_reminders(now: datetime.datetime) -> Iterator[Due]:
    """Due within a week (once per due date) and overdue (once per week while overdue), to the
    responsible officer. One query."""
    today = timezone.localdate(now)
    actions = (
        ActionItem.objects.open()
        .filter(responsible__isnull=False, responsible__is_active=True)
        .filter(due_date__isnull=False, due_date__lte=today + datetime.timedelta(DUE_SOON_DAYS))
        .select_related("department")
        .order_by("pk")
    )
    for action in actions:
        if action.due_date >= today:
            yield Due(
                action.responsible_id,
                KIND_DUE_SOON,
                f"action:{action.pk}:due-soon:{action.due_date.isoformat()}",
                about=action,
                context={"action": action, "days_left": (action.due_date - today).days},
            )
        else:
            days_late = (today - action.due_date).days
            week = (days_late - 1) // OVERDUE_EVERY_DAYS
            yield Due(
                action.responsible_id,
                KIND_OVERDUE,
                f"action:{action.pk}:overdue:{action.due_date.isoformat()}:w{week}",
                about=action,
                context={"action": action, "days_late": days_late},
            )


def dependency_done_dues(finished: ActionItem) -> list[Due]:
    """The owners of open actions that waited on `finished`: it is done, they may start (or
    still wait for others). One query for the waiting actions and their other dependencies."""
    waiting = (
        finished.dependents.open()
        .filter(responsible__isnull=False)
        .prefetch_related("dependencies")
        .order_by("pk")
    )
    dues = []
    for action in waiting:
        still_waiting = [dep for dep in waiting_on(action) if dep.pk != finished.pk]
        dues.append(
            Due(
                action.responsible_id,
                KIND_DEPENDENCY_DONE,
                f"action:{action.pk}:dependency-done:{finished.pk}",
                about=action,
                context={"action": action, "finished": finished, "still_waiting": still_waiting},
            )
        )
    return dues


PLUGINS = [
    NotificationKind(
        KIND_DUE_SOON,
        _("Een actie waarvoor u verantwoordelijk bent moet over een week klaar zijn"),
        "recommendations/email/action_due_soon",
    ),
    NotificationKind(
        KIND_OVERDUE,
        _("Een actie waarvoor u verantwoordelijk bent is over tijd (wekelijks)"),
        "recommendations/email/action_overdue",
    ),
    NotificationKind(
        KIND_DEPENDENCY_DONE,
        _("Een actie waar uw actie op wachtte is afgerond"),
        "recommendations/email/action_dependency_done",
    ),
    ReminderSource("recommendations.actions", find_due=find_action_reminders),
]
