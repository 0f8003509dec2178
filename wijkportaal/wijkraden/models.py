from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.history import AuditHistory


class District(models.Model):
    """A stadsdeel: a group of neighbourhoods, each with one or more wijkraden."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("stadsdeel")
        verbose_name_plural = _("stadsdelen")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """An afdeling of the municipality: owns actions and contact moments."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("De postbus van de afdeling: nieuwe verzoeken en escalaties komen hier."),
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
        verbose_name=_("afdelingshoofd"),
        help_text=_("Krijgt de escalatie als een verzoek niet op tijd is beantwoord."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")

    def __str__(self) -> str:
        return self.name


class NeighbourhoodCouncilQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


def default_public_functions() -> list[str]:
    """Whose names a wijkraad's public page shows unless the wijkraad chooses otherwise: the
    chair and the secretary (the people residents contact)."""
    return ["voorzitter", "secretaris"]


class NeighbourhoodCouncil(models.Model):
    """A wijkraad."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="councils", verbose_name=_("stadsdeel")
    )
    neighbourhoods = models.TextField(
        _("buurten"),
        blank=True,
        help_text=_("De buurten die de wijkraad vertegenwoordigt, één per regel."),
    )
    description = models.TextField(_("over de wijkraad"), blank=True, max_length=4000)
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("opgericht in"), null=True, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    # Privacy (AVG): the public page names only the people in these functions; the others
    # are counted, not named. The wijkraad chooses.
    public_functions = models.JSONField(
        _("functies met naam op de openbare pagina"),
        default=default_public_functions,
        blank=True,
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = NeighbourhoodCouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijkraad")
        verbose_name_plural = _("wijkraden")
        constraints = [
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True) | Q(founded_year__gte=1900),
                name="council_founded_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("wijkraden:detail", kwargs={"slug": self.slug})

    @property
    def neighbourhood_list(self) -> list[str]:
        return [line.strip() for line in self.neighbourhoods.splitlines() if line.strip()]

    def clean(self):
        unknown = set(self.public_functions or []) - set(Function.values)
        if not isinstance(self.public_functions, list) or unknown:
            raise ValidationError({"public_functions": _("Kies uit de functies.")})


class Function(models.TextChoices):
    CHAIR = "voorzitter", _("voorzitter")
    SECRETARY = "secretaris", _("secretaris")
    TREASURER = "penningmeester", _("penningmeester")
    MEMBER = "lid", _("lid")


# The daily board (dagelijks bestuur) acts for the wijkraad: edits its profile, declares roles,
# answers inventories, requests contracts.
BOARD_FUNCTIONS = (Function.CHAIR, Function.SECRETARY, Function.TREASURER)


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on))

    def board(self):
        return self.filter(function__in=BOARD_FUNCTIONS)


class Membership(models.Model):
    """A person's seat in a wijkraad, with a function and a term. One person can hold seats in
    several wijkraden."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("persoon"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("wijkraad"),
    )
    function = models.CharField(
        _("functie"), max_length=20, choices=Function.choices, default=Function.MEMBER
    )
    start = models.DateField(_("vanaf"), default=timezone.localdate)
    end = models.DateField(_("tot en met"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = AuditHistory()  # who gave whom which seat, kept AUDIT_RETENTION_DAYS

    class Meta:
        ordering = ["council__name", "function", "person__last_name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_function_display()} {self.council}"

    @property
    def is_board(self) -> bool:
        return self.function in BOARD_FUNCTIONS


class InventoryRoundQuerySet(models.QuerySet):
    def closing_within(self, kind: str, today: datetime.date, days: int) -> InventoryRoundQuerySet:
        """Rounds of `kind` that are open today and close within `days` days."""
        return self.filter(
            kind=kind,
            opens_on__lte=today,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=days),
        )


class InventoryRound(models.Model):
    """A round in which every wijkraad is asked to answer an inventory before a deadline
    (training wishes, communication channels, ...). The app named in `kind` owns the answers
    and decides what counts as answered."""

    kind = models.CharField(_("soort"), max_length=30, db_index=True)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    introduction = models.TextField(_("toelichting"), blank=True)
    opens_on = models.DateField(_("open vanaf"), default=timezone.localdate)
    deadline = models.DateField(_("uiterste datum"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geopend door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = InventoryRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("inventarisatieronde")
        verbose_name_plural = _("inventarisatierondes")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")), name="round_deadline_after_open"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.deadline
