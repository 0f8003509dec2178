"""Outbox kinds and the reminder for role declarations."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.dates import start_of_day
from wijkportaal.core.mail import Due, NotificationKind
from wijkportaal.notifications.hooks import ReminderSource

from .models import RoleDeclaration
from .selectors import role_audience


def role_effective_due(now: datetime.datetime):
    """Declarations that take effect today (and were declared before today: a declaration made
    for today was announced minutes ago). A constant number of queries, however many recipients."""
    today = timezone.localdate(now)
    start_of_today = start_of_day(today)
    declarations = list(
        RoleDeclaration.objects.filter(start=today, declared_at__lt=start_of_today)
        .select_related("council", "content_type")
        .prefetch_related("scope_object")
    )
    if not declarations:
        return
    audience = role_audience({d.council_id for d in declarations}, today)
    for declaration in declarations:
        context = {"declaration": declaration, "council": declaration.council}
        for recipient_id in sorted(audience[declaration.council_id]):
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
        "roles/email/role_declared",
    ),
    NotificationKind("role_effective", _("Een rolkeuze gaat in"), "roles/email/role_effective"),
    ReminderSource("roles.role_effective", find_due=role_effective_due),
]
