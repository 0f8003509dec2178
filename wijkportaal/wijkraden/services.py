from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User

from .models import Membership, NeighbourhoodCouncil, Role, RoleDeclaration

PROFILE_FIELDS = ("description", "neighbourhoods", "contact_email", "website", "founded_year")


@transaction.atomic
def council_profile_update(
    *, actor: User, council: NeighbourhoodCouncil, data: dict
) -> NeighbourhoodCouncil:
    """Change a wijkraad's public profile. Its board, officers and administrators may."""
    if not actor.has_perm("wijkraden.change_neighbourhoodcouncil", council):
        raise PermissionDenied
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(council, field, data[field])
    council.full_clean()
    council.save()
    return council


# --- Role declarations (rolkeuze) -------------------------------------------------------------

PARTICIPATION_DEPARTMENT_SLUG = "wijkzaken-en-participatie"


def _same_scope(*, council: NeighbourhoodCouncil, subject: str, scope_object):
    """Declarations of this wijkraad about the same scope: the same linked object, the same
    subject (case-insensitive), or both general."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    declarations = RoleDeclaration.objects.filter(council=council)
    if scope_object is None and not subject:
        return declarations.general()
    match = Q(pk__in=[])
    if scope_object is not None:
        content_type = ContentType.objects.get_for_model(scope_object)
        match |= Q(content_type=content_type, object_id=scope_object.pk)
    if subject:
        match |= Q(subject__iexact=subject)
    return declarations.filter(match)


def _overlapping(declarations, start, end):
    from django.db.models import Q

    found = declarations.filter(Q(end__isnull=True) | Q(end__gte=start))
    if end is not None:
        found = found.filter(start__lte=end)
    return found


def role_declaration_recipient_ids(council: NeighbourhoodCouncil) -> set[int]:
    """Who hears about a wijkraad's role declarations: its current members (there is no
    separate "follow a wijkraad" yet) and the officers of Wijkzaken en Participatie."""
    from wijkportaal.accounts.models import UserKind

    members = set(
        Membership.objects.current().filter(council=council).values_list("person_id", flat=True)
    )
    officers = set(
        User.objects.filter(
            kind=UserKind.OFFICER,
            is_active=True,
            department__slug=PARTICIPATION_DEPARTMENT_SLUG,
        ).values_list("pk", flat=True)
    )
    return members | officers


@transaction.atomic
def role_declaration_create(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    role: str,
    start: datetime.date,
    end: datetime.date | None = None,
    subject: str = "",
    scope_object=None,
    reason: str = "",
    frameworks_acknowledged: bool = False,
    succeed_current: bool = False,
) -> RoleDeclaration:
    """The board of a wijkraad makes its role known in advance for a scope.

    Rules: only the wijkraad's own board; the start lies not before today (the moment of
    declaring); an end lies not before the start; a self-organisation declaration needs the
    explicit acknowledgement of the programme's frameworks; no two declarations for the same
    scope overlap — except that, on request, a new declaration succeeds the one running for
    that scope, which then ends the day before the new start. Members of the wijkraad and the
    responsible officers are notified through the outbox."""
    if not actor.has_perm("wijkraden.add_roledeclaration", council):
        raise PermissionDenied
    # Lock the wijkraad row so two board members declaring at once cannot both pass the
    # overlap check.
    NeighbourhoodCouncil.objects.select_for_update().filter(pk=council.pk).first()
    now = timezone.now()
    today = timezone.localdate(now)
    subject = " ".join((subject or "").split())
    reason = (reason or "").strip()
    errors: dict[str, str] = {}
    if role not in Role.values:
        errors["role"] = _("Kies netwerkorganisatie of zelforganisatie.")
    if start is None:
        errors["start"] = _("Vul in vanaf wanneer de rolkeuze geldt.")
    elif start < today:
        errors["start"] = _(
            "Een rolkeuze wordt vooraf bekendgemaakt: de startdatum ligt op of na vandaag "
            "(%(today)s)."
        ) % {"today": date_format(today, "j F Y")}
    if end is not None and start is not None and end < start:
        errors["end"] = _("De einddatum ligt niet vóór de startdatum.")
    if len(subject) > 200:
        errors["subject"] = _("Het onderwerp is hoogstens 200 tekens lang.")
    if len(reason) > 2000:
        errors["reason"] = _("De toelichting is hoogstens 2000 tekens lang.")
    if role == Role.SELF and not frameworks_acknowledged:
        errors["frameworks_acknowledged"] = _(
            "Bevestig dat de wijkraad als zelforganisatie binnen de kaders van het "
            "actieprogramma blijft."
        )
    if errors:
        raise ValidationError(errors)

    same_scope = _same_scope(council=council, subject=subject, scope_object=scope_object)
    overlapping = list(_overlapping(same_scope, start, end).order_by("start"))
    predecessor = None
    if overlapping:
        running = overlapping[0]
        can_succeed = (
            succeed_current
            and len(overlapping) == 1
            and running.start < start
            and (running.end is None or running.end >= start)
        )
        if not can_succeed:
            period = date_format(running.start, "j F Y")
            if running.end:
                period += " – " + date_format(running.end, "j F Y")
            raise ValidationError(
                {
                    "start": _(
                        "Voor dit onderwerp geldt al een rolkeuze (%(role)s, %(period)s). "
                        "Kies een periode die daar niet mee overlapt, of laat de nieuwe "
                        "rolkeuze de lopende opvolgen."
                    )
                    % {"role": running.get_role_display(), "period": period}
                }
            )
        predecessor = running
        predecessor.end = start - datetime.timedelta(days=1)
        predecessor.ended_by = actor
        predecessor.save(update_fields=["end", "ended_by"])

    declaration = RoleDeclaration(
        council=council,
        role=role,
        subject=subject,
        scope_object=scope_object,
        start=start,
        end=end,
        reason=reason,
        frameworks_acknowledged=role == Role.SELF and frameworks_acknowledged,
        declared_at=now,
        declared_by=actor,
        supersedes=predecessor,
    )
    declaration.full_clean()
    declaration.save()

    from wijkportaal.notifications.hooks import Due
    from wijkportaal.notifications.services import notifications_queue

    context = {"declaration": declaration, "council": council}
    notifications_queue(
        Due(recipient_id, "role_declared", f"role:{declaration.pk}:declared", declaration, context)
        for recipient_id in sorted(role_declaration_recipient_ids(council))
    )
    return declaration


@transaction.atomic
def role_declaration_end(
    *, actor: User, declaration: RoleDeclaration, end: datetime.date
) -> RoleDeclaration:
    """End a declaration: the only change a declaration gets once made. The end lies not
    before today nor before its start, and only shortens it."""
    declaration = RoleDeclaration.objects.select_for_update().get(pk=declaration.pk)
    if not actor.has_perm("wijkraden.end_roledeclaration", declaration):
        raise PermissionDenied
    today = timezone.localdate()
    if end is None:
        raise ValidationError({"end": _("Vul in tot en met wanneer de rolkeuze geldt.")})
    if end < today:
        raise ValidationError({"end": _("Een rolkeuze eindigt vandaag of later, niet achteraf.")})
    if end < declaration.start:
        raise ValidationError({"end": _("De einddatum ligt niet vóór de startdatum.")})
    if declaration.end is not None and end >= declaration.end:
        raise ValidationError(
            {
                "end": _(
                    "Deze rolkeuze eindigt al op %(end)s; u kunt haar alleen eerder beëindigen."
                )
                % {"end": date_format(declaration.end, "j F Y")}
            }
        )
    declaration.end = end
    declaration.ended_by = actor
    declaration.save(update_fields=["end", "ended_by"])
    return declaration
