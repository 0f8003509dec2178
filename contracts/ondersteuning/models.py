"""Support for wijkraden (recommendation 7): a catalogue of what exists (community work,
the Leefbaarheid & initiatiefbudget, training, ...) and the wijkraden's requests for support."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.core.money import MONEY_FIELD
from wijkportaal.wijkraden.models import NeighbourhoodCouncil


class SupportKind(models.TextChoices):
    COMMUNITY_WORK = "opbouwwerk", _("opbouwwerk")
    BUDGET = "budget", _("Leefbaarheid & initiatiefbudget")
    TRAINING = "scholing", _("scholingsprogramma")
    TOOLKIT = "toolkit", _("toolkit communicatiemiddelen")
    CONTACT_MOMENTS = "contactmomenten", _("contactmomenten")
    OTHER = "overig", _("overige ondersteuning")


class SupportOffer(models.Model):
    """One item in the support catalogue, managed by officers in the admin."""

    kind = models.CharField(_("soort"), max_length=20, choices=SupportKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    provider = models.CharField(
        _("aanbieder"),
        max_length=200,
        help_text=_("De welzijnsorganisatie of afdeling die deze ondersteuning biedt."),
    )
    description = models.TextField(_("omschrijving"), max_length=4000)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    url = models.URLField(_("meer informatie"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("ondersteuningsaanbod")
        verbose_name_plural = _("ondersteuningscatalogus")

    def __str__(self) -> str:
        return self.title


class SupportNote(models.Model):
    """A note of the support workgroup (the workgroup of recommendation 6) on where a terrain
    needs tailored support; officers keep it in the admin, it is shown with the catalogue."""

    terrain = models.CharField(
        _("terrein"), max_length=150, help_text=_("Bijvoorbeeld: openbare ruimte, zorg en welzijn.")
    )
    text = models.TextField(_("waar ondersteuning op maat nodig is"), max_length=4000)
    workgroup = models.CharField(
        _("werkgroep"), max_length=200, default="Werkgroep contactmomenten"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    published = models.BooleanField(_("tonen op de site"), default=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["order", "terrain"]
        verbose_name = _("notitie ondersteuning op maat")
        verbose_name_plural = _("notities ondersteuning op maat")

    def __str__(self) -> str:
        return self.terrain


class SupportRequestStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend")
    IN_PROGRESS = "behandeling", _("in behandeling")
    ANSWERED = "beantwoord", _("beantwoord")
    DECLINED = "afgewezen", _("afgewezen")


SUPPORT_OPEN = (SupportRequestStatus.SUBMITTED, SupportRequestStatus.IN_PROGRESS)


class SupportRequest(models.Model):
    """A wijkraad's request for support; officers handle it with a status and an answer."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        related_name="support_requests",
        verbose_name=_("wijkraad"),
    )
    offer = models.ForeignKey(
        SupportOffer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("ondersteuning"),
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    question = models.TextField(_("vraag"), max_length=4000)
    # A request for the Leefbaarheid & initiatiefbudget names what the money is for and how much.
    purpose = models.CharField(_("doel"), max_length=500, blank=True)
    amount = models.DecimalField(
        _("gevraagd bedrag"),
        **MONEY_FIELD,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    created_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SupportRequestStatus.choices,
        default=SupportRequestStatus.SUBMITTED,
        db_index=True,
    )
    answer = models.TextField(_("antwoord"), blank=True, max_length=4000)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests_handled",
        verbose_name=_("behandelaar"),
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ondersteuningsvraag")
        verbose_name_plural = _("ondersteuningsvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0),
                name="support_request_amount_positive",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("contracts:supportrequest-detail", kwargs={"pk": self.pk})

    @property
    def is_budget_request(self) -> bool:
        return self.amount is not None
