from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.history import AuditHistory
from wijkportaal.wijkraden.models import Department, Function, NeighbourhoodCouncil


class UserKind(models.TextChoices):
    COUNCIL_MEMBER = "wijkraadslid", _("wijkraadslid")
    OFFICER = "ambtenaar", _("ambtenaar")
    CITY_COUNCILLOR = "raadslid", _("gemeenteraadslid")
    ADMINISTRATOR = "beheerder", _("functioneel beheerder")


STAFF_KINDS = (UserKind.OFFICER, UserKind.ADMINISTRATOR)


class Language(models.TextChoices):
    """The languages a user can get the portal's messages in (settings.LANGUAGES)."""

    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("kind", UserKind.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)

    def active_officers(self):
        """Officers with a working account: who gets work that has no handler yet."""
        return self.filter(kind=UserKind.OFFICER, is_active=True)


class User(AbstractUser):
    """A person with an account. Accounts exist by invitation only; the email is the login."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    kind = models.CharField(
        _("soort gebruiker"),
        max_length=20,
        choices=UserKind.choices,
        default=UserKind.COUNCIL_MEMBER,
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
        verbose_name=_("afdeling"),
    )
    party = models.CharField(_("fractie"), max_length=100, blank=True)
    language = models.CharField(
        _("taal van e-mails"),
        max_length=5,
        choices=Language.choices,
        default=Language.DUTCH,
        help_text=_("Berichten van het portaal gaan in deze taal."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()
    # Who changed this account and how (issue 15): never the password hash, and a login
    # (last_login alone) leaves no row. Kept AUDIT_RETENTION_DAYS.
    history = AuditHistory(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="ambtenaar") | Q(department__isnull=False),
                name="officer_has_department",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        """The name in mails and on officers' screens (the address's first part when the
        person gave no name). Never on a public page: use public_name there."""
        return self.get_full_name() or self.email.split("@")[0]

    @property
    def public_name(self) -> str:
        """The name a public page may show: only the name the person gave, else nothing."""
        return self.get_full_name()

    @property
    def is_officer(self) -> bool:
        return self.kind == UserKind.OFFICER

    @property
    def is_administrator(self) -> bool:
        return self.kind == UserKind.ADMINISTRATOR


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation to create an account. It fixes the kind of user (and for wijkraad members
    the wijkraad and function), expires, and can be accepted once."""

    email = models.EmailField(_("e-mailadres"))
    kind = models.CharField(_("soort gebruiker"), max_length=20, choices=UserKind.choices)
    first_name = models.CharField(_("voornaam"), max_length=150, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("afdeling")
    )
    party = models.CharField(_("fractie"), max_length=100, blank=True)
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("wijkraad"),
    )
    function = models.CharField(_("functie"), max_length=20, choices=Function.choices, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    renewal_requested_at = models.DateTimeField(
        _("nieuwe uitnodiging gevraagd op"), null=True, blank=True
    )
    # The token is a personal link that works without logging in: never in the history.
    history = AuditHistory(excluded_fields=["token"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="wijkraadslid") | (Q(council__isnull=False) & ~Q(function="")),
                name="invitation_council_member_has_council",
            ),
            models.CheckConstraint(
                condition=~Q(kind="ambtenaar") | Q(department__isnull=False),
                name="invitation_officer_has_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_kind_display()})"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_accepted and not self.is_expired


class AuthEventKind(models.TextChoices):
    LOGIN = "login", _("ingelogd")
    LOGOUT = "logout", _("uitgelogd")
    LOGIN_FAILED = "login_failed", _("inloggen mislukt")
    MFA_ADDED = "mfa_added", _("tweestapsverificatie ingesteld")
    MFA_REMOVED = "mfa_removed", _("tweestapsverificatie verwijderd")


class AuthEvent(models.Model):
    """The audit log of logins, logouts, failed logins and MFA changes: who, when, from which
    address. Written once (wijkportaal.accounts.audit), never changed, deleted only when
    older than AUDIT_RETENTION_DAYS."""

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    kind = models.CharField(_("gebeurtenis"), max_length=20, choices=AuthEventKind.choices)
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="auth_events",
        verbose_name=_("gebruiker"),
    )
    # What was typed in the login form when no user matched (or the user's address).
    login = models.CharField(_("ingevuld e-mailadres"), max_length=254, blank=True)
    client_address = models.GenericIPAddressField(_("internetadres"), null=True, blank=True)
    detail = models.CharField(_("toelichting"), max_length=100, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("inloggebeurtenis")
        verbose_name_plural = _("inloggebeurtenissen (auditlog)")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.login}"
