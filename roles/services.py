"""Writes of the role choice (rolkeuze): declare a role, end one. A declaration in force is
never edited; it is ended or succeeded."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.desk.services import case_open
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import Role, RoleDeclaration
from .selectors import council_members, overlapping, same_scope_declarations

# The kind of case of a role declaration (registered in plugins.py): the municipality must know
# in advance which role a wijkraad takes, and acknowledges it.
DECLARATION_CASE = "roles.declaration"


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
    that scope, which then ends the day before the new start.

    The declaration is a case at the desk (kind "roles.declaration"): the desk sends the
    receipt to the declarer and the new-case mail to the owning department (Wijkzaken en
    Participatie, its mailbox and officers). The wijkraad's other members hear of it here."""
    if not actor.has_perm("roles.add_roledeclaration", council):
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

    same_scope = same_scope_declarations(
        council=council, subject=subject, scope_object=scope_object
    )
    running_ones = list(overlapping(same_scope, start, end).order_by("start"))
    predecessor = None
    if running_ones:
        running = running_ones[0]
        can_succeed = (
            succeed_current
            and len(running_ones) == 1
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

    period = date_format(start, "j F Y")
    if end:
        period += " – " + date_format(end, "j F Y")
    case_open(
        kind=DECLARATION_CASE,
        title=_("Rolkeuze van %(council)s: %(role)s (%(scope)s)")
        % {
            "council": council.name,
            "role": declaration.get_role_display(),
            "scope": declaration.scope_label,
        },
        summary=_("Geldt %(period)s.") % {"period": period} + ("\n\n" + reason if reason else ""),
        subject=declaration,
        council=council,
        submitted_by=actor,
        received_at=now,
    )
    context = {"declaration": declaration, "council": council}
    members = council_members([council.pk], today)[council.pk] - {actor.pk}
    mail_queue(
        Due(recipient_id, "role_declared", f"role:{declaration.pk}:declared", declaration, context)
        for recipient_id in sorted(members)
    )
    return declaration


@transaction.atomic
def role_declaration_end(
    *, actor: User, declaration: RoleDeclaration, end: datetime.date
) -> RoleDeclaration:
    """End a declaration: the only change a declaration gets once made. The end lies not
    before today nor before its start, and only shortens it."""
    declaration = RoleDeclaration.objects.select_for_update().get(pk=declaration.pk)
    if not actor.has_perm("roles.end_roledeclaration", declaration):
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
