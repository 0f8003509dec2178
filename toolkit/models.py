"""The communication toolkit (recommendation 5): kinds of channel, each wijkraad's inventory of
the channels it uses, and the know-how entries wijkraden and officers share."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

# The kind of InventoryRound (shared model in wijkraden) that this app owns.
ROUND_KIND = "toolkit"


class ReachUnit(models.TextChoices):
    PRINT_RUN = "oplage", _("oplage")
    FOLLOWERS = "volgers", _("volgers")
    MEMBERS = "leden", _("leden")


class ChannelKind(models.Model):
    """A kind of communication means (wijkkrant, website, Facebook, ...), managed in the admin."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    default_reach_unit = models.CharField(
        _("gebruikelijke eenheid van bereik"),
        max_length=10,
        choices=ReachUnit.choices,
        default=ReachUnit.FOLLOWERS,
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("soort kanaal")
        verbose_name_plural = _("soorten kanalen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("toolkit:channelkind-detail", kwargs={"kind": self.slug})


class ChannelQuerySet(models.QuerySet):
    def of_active_councils(self):
        return self.filter(council__active=True)

    def with_contact_available(self):
        """Annotate `contact_available`: the contact person opted in, still sits in this
        wijkraad and has an active account, so "Vraag het deze wijkraad" may be offered."""
        current_seat = Membership.objects.current().filter(
            person_id=OuterRef("contact_person_id"),
            council_id=OuterRef("council_id"),
            person__is_active=True,
        )
        return self.annotate(
            contact_available=models.ExpressionWrapper(
                Q(contact_opt_in=True) & Exists(current_seat),
                output_field=models.BooleanField(),
            )
        )


class Channel(models.Model):
    """One communication means a wijkraad uses: how, for whom, with what reach and results."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="channels",
        verbose_name=_("wijkraad"),
    )
    kind = models.ForeignKey(
        ChannelKind, on_delete=models.PROTECT, related_name="channels", verbose_name=_("soort")
    )
    name = models.CharField(_("naam"), max_length=150)
    url = models.URLField(_("link"), blank=True, max_length=300)
    audience = models.CharField(_("doelgroep"), max_length=200, blank=True)
    frequency = models.CharField(
        _("verschijnt / frequentie"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld: vier keer per jaar, wekelijks, dagelijks."),
    )
    reach = models.PositiveIntegerField(
        _("bereik"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    reach_unit = models.CharField(
        _("eenheid van bereik"), max_length=10, choices=ReachUnit.choices, blank=True
    )
    reach_measured_on = models.DateField(_("bereik gemeten op"), null=True, blank=True)
    yearly_cost = models.DecimalField(
        _("kosten per jaar (euro)"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    effort_hours = models.DecimalField(
        _("inzet (uren per maand)"),
        max_digits=6,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    results = models.TextField(
        _("wat het oplevert"),
        blank=True,
        max_length=4000,
        help_text=_("Resultaten, voorbeelden, ervaringen en tips voor andere wijkraden."),
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolkit_contact_for",
        verbose_name=_("aanspreekpunt voor andere wijkraden"),
    )
    contact_opt_in = models.BooleanField(
        _("het aanspreekpunt wil vragen van andere wijkraden ontvangen"), default=False
    )
    last_checked = models.DateField(_("laatst gecontroleerd"), default=timezone.localdate)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = ChannelQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council__name", "kind__order", "name"]
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "kind", "name"], name="toolkit_channel_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(yearly_cost__gte=0), name="toolkit_channel_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(effort_hours__gte=0), name="toolkit_channel_effort_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(contact_opt_in=False) | Q(contact_person__isnull=False),
                name="toolkit_channel_opt_in_needs_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council}: {self.name}"

    @property
    def accepts_questions(self) -> bool:
        available = getattr(self, "contact_available", None)
        if available is None:
            available = self.contact_opt_in and self.contact_person_id is not None
        return bool(available)


class InventoryStatus(models.Model):
    """When a wijkraad's board last saved or confirmed its channel inventory. Reminders and
    the recommendation 5 indicator look at this, not at individual channels, so a wijkraad that
    confirms "nothing changed" counts as up to date."""

    council = models.OneToOneField(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="channel_inventory",
        verbose_name=_("wijkraad"),
    )
    checked_at = models.DateTimeField(_("laatst bijgewerkt"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        verbose_name = _("stand van de kanaleninventaris")
        verbose_name_plural = _("stand van de kanaleninventarissen")

    def __str__(self) -> str:
        return f"{self.council}: {self.checked_at:%d-%m-%Y}"


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self) -> str:
        return self.name


class EntryKind(models.TextChoices):
    GUIDE = "handleiding", _("handleiding")
    TEMPLATE = "sjabloon", _("sjabloon")
    EXAMPLE = "voorbeeld", _("voorbeeld")


class KnowHowEntry(models.Model):
    """A reusable piece of know-how: a guide, a template or an example, in Markdown."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=EntryKind.choices)
    summary = models.CharField(_("samenvatting"), max_length=300)
    body = models.TextField(
        _("tekst"),
        max_length=20000,
        help_text=_("Opmaak met Markdown: **vet**, *cursief*, lijstjes met - en koppen met ##."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="toolkit_entries",
        verbose_name=_("auteur"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolkit_entries",
        verbose_name=_("namens wijkraad"),
    )
    channel_kinds = models.ManyToManyField(
        ChannelKind, blank=True, related_name="entries", verbose_name=_("over de kanalen")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries", verbose_name=_("labels"))
    published_at = models.DateTimeField(_("gepubliceerd op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[tags, channel_kinds])

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("kennisbijdrage")
        verbose_name_plural = _("kennisbijdragen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:entry-detail", kwargs={"slug": self.slug})


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"toolkit/kennis/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    """A file with a know-how entry (a template, a sample flyer). Type and size are checked by
    toolkit.validators before it is stored."""

    entry = models.ForeignKey(
        KnowHowEntry,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("kennisbijdrage"),
    )
    title = models.CharField(_("omschrijving"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=attachment_path, max_length=255)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("geplaatst door"),
    )
    uploaded_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "toolkit:attachment-download", kwargs={"slug": self.entry.slug, "pk": self.pk}
        )

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower() if "." in self.file.name else ""
