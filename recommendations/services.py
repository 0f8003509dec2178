"""Writes of the progress monitor. Every entry point (views, admin, tasks, other apps) calls
these; the rules live here once."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User

from .models import ActionItem, ActionStatus, ProgressUpdate


def unfinished_dependencies(action: ActionItem) -> list[ActionItem]:
    return [dep for dep in action.dependencies.all() if dep.status != ActionStatus.DONE]


@transaction.atomic
def progress_update_create(
    *,
    actor: User,
    action: ActionItem,
    text: str,
    status: str | None = None,
    progress: int | None = None,
    check_permission: bool = True,
) -> ProgressUpdate:
    """Post a dated, signed update on an action's timeline, optionally changing its status and
    progress in the same transaction.

    Rules: only officers of the owning department and administrators post (callers that have
    checked their own rule, such as a workgroup completing its deliverable, pass
    check_permission=False); every update has a text; an action cannot be set afgerond while a
    dependency is unfinished; afgerond sets progress to 100."""
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if check_permission and not actor.has_perm("recommendations.post_progress", action):
        raise PermissionDenied
    text = (text or "").strip()
    new_status = status or action.status
    new_progress = action.progress if progress is None else progress
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = _("Schrijf bij elke update wat er veranderde.")
    elif len(text) > 5000:
        errors["text"] = _("Een update is hoogstens 5000 tekens lang.")
    if new_status not in ActionStatus.values:
        errors["status"] = _("Kies een geldige status.")
    if not isinstance(new_progress, int) or not 0 <= new_progress <= 100:
        errors["progress"] = _("De voortgang ligt tussen 0 en 100 procent.")
    if new_status == ActionStatus.DONE:
        waiting = unfinished_dependencies(action)
        if waiting:
            errors["status"] = _("Deze actie wacht nog op: %(names)s. Rond die eerst af.") % {
                "names": ", ".join(dep.title for dep in waiting)
            }
        new_progress = 100
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate.objects.create(
        action=action,
        author=actor,
        created_at=timezone.now(),
        text=text,
        status_before=action.status,
        status_after=new_status,
        progress_before=action.progress,
        progress_after=new_progress,
    )
    action.status = new_status
    action.progress = new_progress
    action.last_progress_at = update.created_at
    action.save(update_fields=["status", "progress", "last_progress_at", "updated_at"])
    return update
