"""Council members in the wijk (recommendation 10).

- Important political choices (`Decision`): officers list a coming council decision; the boards
  of wijkraden give their wijkraad's view (`Viewpoint`, one per wijkraad, until the day before
  the decision); council members answer a view (`Reply`) and follow a decision. After the date
  the decision shows its outcome.
- Visits (`Visit`): a council member registers a visit or meeting with a wijkraad; the
  wijkraad's board confirms it once it happened. Confirmed visits count for recommendation 10."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkportaal.wijkraden.models import NeighbourhoodCouncil

SUMMARY_MAX_LENGTH = 5000
VIEW_MAX_LENGTH = 5000
REPLY_MAX_LENGTH = 3000
OUTCOME_MAX_LENGTH = 3000


class Decision(models.Model):
    """A council decision coming up (an important political choice)."""

    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("samenvatting"), max_length=SUMMARY_MAX_LENGTH)
    decision_date = models.DateField(_("besluitdatum"), db_index=True)
    link = models.URLField(
        _("link naar het raadsinformatiesysteem"),
        max_length=500,
        blank=True,
    )
    councils = models.ManyToManyField(
        NeighbourhoodCouncil,
        blank=True,
        related_name="council_decisions",
        verbose_name=_("betrokken wijkraden"),
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="followed_decisions",
        verbose_name=_("volgers"),
    )
    outcome = models.TextField(_("uitkomst"), blank=True, max_length=OUTCOME_MAX_LENGTH)
    outcome_recorded_at = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["decision_date", "pk"]
        verbose_name = _("politieke keuze")
        verbose_name_plural = _("politieke keuzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome_recorded_at__isnull=False),
                name="decision_outcome_dated",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:decision-detail", kwargs={"pk": self.pk})


class Viewpoint(models.Model):
    """A wijkraad's view on a decision (zienswijze), given by its board before the date."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="viewpoints", verbose_name=_("keuze")
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="council_viewpoints",
        verbose_name=_("wijkraad"),
    )
    text = models.TextField(_("zienswijze"), max_length=VIEW_MAX_LENGTH)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gegeven door"),
    )
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["decision", "council__name"]
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "council"], name="one_viewpoint_per_council"
            )
        ]

    def __str__(self) -> str:
        return f"{self.council} — {self.decision}"


class Reply(models.Model):
    """A council member's answer to a wijkraad's view."""

    viewpoint = models.ForeignKey(
        Viewpoint, on_delete=models.CASCADE, related_name="replies", verbose_name=_("zienswijze")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gemeenteraadslid"),
    )
    text = models.TextField(_("reactie"), max_length=REPLY_MAX_LENGTH)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        ordering = ["viewpoint", "created_at", "pk"]
        verbose_name = _("reactie van een raadslid")
        verbose_name_plural = _("reacties van raadsleden")

    def __str__(self) -> str:
        return f"{self.author} — {self.viewpoint}"


class Visit(models.Model):
    """A visit or meeting of a council member with a wijkraad; confirmed by the wijkraad's
    board once it took place."""

    councillor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_visits",
        verbose_name=_("gemeenteraadslid"),
        limit_choices_to={"kind": "gemeenteraadslid"},
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="councillor_visits",
        verbose_name=_("wijkraad"),
    )
    date = models.DateField(_("datum"), db_index=True)
    topic = models.CharField(_("onderwerp"), max_length=200)
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("bezoek van een raadslid")
        verbose_name_plural = _("bezoeken van raadsleden")

    def __str__(self) -> str:
        return f"{self.councillor} — {self.council} ({self.date:%d-%m-%Y})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
