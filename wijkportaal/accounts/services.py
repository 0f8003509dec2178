"""Invitations: the only way to an account. Their mail goes through the outbox like every
other message (to the invitee's address: they have no account yet)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.wijkraden.models import Department, Membership, NeighbourhoodCouncil

from .models import STAFF_KINDS, Invitation, Language, User, UserKind

INVITATION_KIND = "accounts.invitation"
RENEWAL_REQUEST_KIND = "accounts.invitation_renewal"


def invitation_check(
    *,
    actor: User,
    email: str,
    kind: str,
    council: NeighbourhoodCouncil | None = None,
    function: str = "",
    department: Department | None = None,
) -> None:
    """The rules for a new invitation, keyed by field: raises ValidationError. The admin's form
    asks them before saving, so the errors stand beside the fields."""
    email = email.strip().lower()
    errors: dict[str, str] = {}
    if User.objects.filter(email__iexact=email).exists():
        errors["email"] = _("Er bestaat al een account met dit e-mailadres.")
    if kind not in UserKind.values:
        errors["kind"] = _("Kies een soort gebruiker.")
    if kind == UserKind.COUNCIL_MEMBER and (council is None or not function):
        errors["council"] = _(
            "Een wijkraadslid wordt uitgenodigd voor een wijkraad en een functie."
        )
    if kind == UserKind.OFFICER and department is None:
        errors["department"] = _("Een ambtenaar hoort bij een afdeling.")
    if kind == UserKind.ADMINISTRATOR and not actor.is_administrator:
        errors["kind"] = _("Alleen een functioneel beheerder nodigt een beheerder uit.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    email: str,
    kind: str,
    first_name: str = "",
    last_name: str = "",
    council: NeighbourhoodCouncil | None = None,
    function: str = "",
    department: Department | None = None,
    party: str = "",
) -> Invitation:
    """Invite a person by email. Officers and administrators may invite; the invitation fixes
    the kind of user and, for wijkraad members, the wijkraad and function. The mail is queued
    in the outbox: a mail server that is down delays it, it never fails the invitation."""
    if not actor.has_perm("accounts.invite_user"):
        raise PermissionDenied
    invitation_check(
        actor=actor,
        email=email,
        kind=kind,
        council=council,
        function=function,
        department=department,
    )
    email = email.strip().lower()
    invitation = Invitation(
        email=email,
        kind=kind,
        first_name=first_name,
        last_name=last_name,
        council=council if kind == UserKind.COUNCIL_MEMBER else None,
        function=function if kind == UserKind.COUNCIL_MEMBER else "",
        department=department if kind == UserKind.OFFICER else None,
        party=party if kind == UserKind.CITY_COUNCILLOR else "",
        invited_by=actor,
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation._history_user = actor  # the history's "who", outside a request too
    invitation.save()
    accept_url = settings.SITE_URL + reverse(
        "accounts:invitation-accept", kwargs={"token": invitation.token}
    )
    mail_queue(
        [
            Due(
                None,
                INVITATION_KIND,
                f"invitation:{invitation.pk}",
                about=invitation,
                context={"invitation": invitation, "accept_url": accept_url},
                address=invitation.email,
            )
        ]
    )
    return invitation


@transaction.atomic
def invitation_accept(
    *, token: str, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """Turn a usable invitation into an account with the given password. Used once: the row
    is locked so two simultaneous acceptances cannot both create an account."""
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise ValidationError(_("Deze uitnodiging bestaat niet."), code="unknown")
    if invitation.is_accepted:
        raise ValidationError(_("Deze uitnodiging is al gebruikt."), code="used")
    if invitation.is_expired:
        raise ValidationError(_("Deze uitnodiging is verlopen."), code="expired")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("Er bestaat al een account met dit e-mailadres."), code="exists")
    kind = invitation.kind
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name or invitation.first_name,
        last_name=last_name or invitation.last_name,
        kind=kind,
        department=invitation.department,
        party=invitation.party,
        # Administrators too get their rights from the rules, never from is_superuser.
        is_staff=kind in STAFF_KINDS,
    )
    if kind == UserKind.COUNCIL_MEMBER and invitation.council_id:
        membership = Membership(
            person=user, council_id=invitation.council_id, function=invitation.function
        )
        membership._history_user = user  # the history's "who": the invitee, not logged in yet
        membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation._history_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user


@transaction.atomic
def invitation_request_renewal(*, token: str) -> Invitation | None:
    """Ask the inviter for a new invitation when this one expired; an inviter who left (no
    active account) is replaced by the municipality's contact address. Asking twice sends
    once."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("invited_by")
        .filter(token=token)
    ).first()
    if invitation is None or invitation.is_accepted or invitation.renewal_requested_at:
        return invitation
    invitation.renewal_requested_at = timezone.now()
    invitation.save(update_fields=["renewal_requested_at"])
    inviter = invitation.invited_by
    to_inviter = inviter is not None and inviter.is_active
    mail_queue(
        [
            Due(
                inviter.pk if to_inviter else None,
                RENEWAL_REQUEST_KIND,
                f"invitation-renewal:{invitation.pk}",
                about=invitation,
                context={
                    "invitation": invitation,
                    "admin_url": settings.SITE_URL + reverse("admin:accounts_invitation_add"),
                },
                address="" if to_inviter else settings.MUNICIPALITY_CONTACT_EMAIL,
            )
        ]
    )
    return invitation


@transaction.atomic
def user_language_set(*, actor: User, user: User, language: str) -> User:
    """Choose the language of the portal's messages to `user` (Dutch or English); the language
    switch in the page header stores it for a logged-in user. Users change only their own."""
    if actor.pk != user.pk:
        raise PermissionDenied
    if language not in Language.values:
        raise ValidationError({"language": _("Kies Nederlands of Engels.")})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user
