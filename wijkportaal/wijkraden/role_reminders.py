"""Outbox kinds and the reminder for role declarations."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.notifications.hooks import Due, NotificationKind, ReminderSource


def role_effective_due(now: datetime.datetime):
    """Declarations that take effect today (and were declared before today: a declaration made
    for today was announced minutes ago). Three queries, whatever the number of recipients."""
    from wijkportaal.accounts.models import User, UserKind

    from .models import Membership, RoleDeclaration
    from .services import PARTICIPATION_DEPARTMENT_SLUG

    today = timezone.localdate(now)
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    declarations = list(
        RoleDeclaration.objects.filter(start=today, declared_at__lt=start_of_today)
        .select_related("council", "content_type")
        .prefetch_related("scope_object")
    )
    if not declarations:
        return
    members: dict[int, set[int]] = {}
    for council_id, person_id in (
        Membership.objects.current(today)
        .filter(council_id__in={d.council_id for d in declarations})
        .values_list("council_id", "person_id")
    ):
        members.setdefault(council_id, set()).add(person_id)
    officers = set(
        User.objects.filter(
            kind=UserKind.OFFICER, is_active=True, department__slug=PARTICIPATION_DEPARTMENT_SLUG
        ).values_list("pk", flat=True)
    )
    for declaration in declarations:
        context = {"declaration": declaration, "council": declaration.council}
        for recipient_id in sorted(members.get(declaration.council_id, set()) | officers):
            yield Due(
                recipient_id,
                "role_effective",
                f"role:{declaration.pk}:effective",
                declaration,
                context,
            )


PLUGINS = [
    NotificationKind(
        "role_declared",
        _("Een wijkraad maakt een rolkeuze bekend"),
        "wijkraden/email/role_declared",
    ),
    NotificationKind("role_effective", _("Een rolkeuze gaat in"), "wijkraden/email/role_effective"),
    ReminderSource("wijkraden.role_effective", find_due=role_effective_due),
]
