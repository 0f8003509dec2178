"""Reads of the accounts app."""

from allauth.mfa.models import Authenticator

from wijkportaal.wijkraden.models import Membership

from .models import Invitation, User


def _when(value):
    return value.isoformat() if value else None


def personal_data(user: User) -> dict:
    """What the accounts part keeps about a person, for their own download (/mijn/gegevens/).
    Secrets (password hash, TOTP secret, recovery codes, invitation tokens) stay out. Four
    queries."""
    memberships = Membership.objects.filter(person=user).select_related("council")
    invitations = Invitation.objects.filter(email__iexact=user.email)
    authenticators = Authenticator.objects.filter(user=user)
    return {
        "account": {
            "e-mailadres": user.email,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "soort gebruiker": user.get_kind_display(),
            "afdeling": user.department.name if user.department_id else None,
            "fractie": user.party,
            "taal van e-mails": user.language,
            "aangemaakt op": _when(user.date_joined),
            "laatst ingelogd": _when(user.last_login),
        },
        "lidmaatschappen": [
            {
                "wijkraad": membership.council.name,
                "functie": membership.get_function_display(),
                "begin": _when(membership.start),
                "einde": _when(membership.end),
            }
            for membership in memberships
        ],
        "uitnodigingen": [
            {
                "soort gebruiker": invitation.get_kind_display(),
                "aangemaakt op": _when(invitation.created_at),
                "geaccepteerd op": _when(invitation.accepted_at),
            }
            for invitation in invitations
        ],
        "tweestapsverificatie": [
            {
                "soort": authenticator.get_type_display(),
                "ingesteld op": _when(authenticator.created_at),
                "laatst gebruikt": _when(authenticator.last_used_at),
            }
            for authenticator in authenticators
        ],
    }
