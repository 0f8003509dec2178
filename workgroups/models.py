from __future__ import annotations

import datetime
import os

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.core.uploads import validate_upload
from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil

DOCUMENT_EXTENSIONS = ["pdf", "odt", "docx", "ods", "xlsx", "txt"]
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


def validate_document_size(upload) -> None:
    """Kept for the migrations that name it; new code uses `validate_document`."""
    validate_document(upload)


def validate_document(upload) -> None:
    """The core's upload check (type from the content, size, extension) on a new document; a
    file stored earlier is not read again on every save."""
    if getattr(upload, "_committed", False):
        return
    validate_upload(upload, extensions=DOCUMENT_EXTENSIONS, max_bytes=DOCUMENT_MAX_BYTES)


def deliverable_upload_to(instance, filename: str) -> str:
    return f"werkgroepen/{instance.workgroup_id}/{os.path.basename(filename)}"


class WorkgroupStatus(models.TextChoices):
    STARTING = "in_oprichting", _("in oprichting")
    ACTIVE = "actief", _("actief")
    FINISHED = "afgerond", _("afgerond")


class Workgroup(models.Model):
    """A werkgroep of wijkraden and departments with a mandate, carrying out actions."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    mandate = models.TextField(_("opdracht"), help_text=_("Markdown is toegestaan."))
    status = models.CharField(
        _("status"), max_length=20, choices=WorkgroupStatus.choices, default=WorkgroupStatus.ACTIVE
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_workgroups",
        verbose_name=_("voorzitter"),
    )
    recommendations = models.ManyToManyField(
        "recommendations.Recommendation",
        blank=True,
        related_name="workgroups",
        verbose_name=_("aanbevelingen"),
    )
    actions = models.ManyToManyField(
        "recommendations.ActionItem",
        blank=True,
        related_name="workgroups",
        verbose_name=_("acties"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        ordering = ["name"]
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workgroups:workgroup-detail", kwargs={"slug": self.slug})


class WorkgroupMember(models.Model):
    """A seat in a workgroup, for a person from a wijkraad or from a department."""

    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("werkgroep")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workgroup_seats",
        verbose_name=_("persoon"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("namens wijkraad"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("namens afdeling"),
    )
    joined_on = models.DateField(_("lid sinds"), default=timezone.localdate)

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        verbose_name = _("werkgroeplid")
        verbose_name_plural = _("werkgroepleden")
        constraints = [
            models.UniqueConstraint(fields=["workgroup", "person"], name="one_seat_per_person"),
            models.CheckConstraint(
                condition=Q(council__isnull=True) | Q(department__isnull=True),
                name="member_one_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"

    @property
    def organisation(self) -> str:
        if self.council_id:
            return self.council.name
        if self.department_id:
            return str(_("gemeente, afdeling %(name)s") % {"name": self.department.name})
        return ""


class Meeting(models.Model):
    """A workgroup meeting. The agenda is published beforehand, the minutes afterwards."""

    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("werkgroep")
    )
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(_("plaats"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True, max_length=10000)
    agenda_published_at = models.DateTimeField(_("agenda gepubliceerd op"), null=True, blank=True)
    minutes = models.TextField(_("verslag"), blank=True, max_length=30000)
    minutes_published_at = models.DateTimeField(_("verslag gepubliceerd op"), null=True, blank=True)
    attendees = models.ManyToManyField(
        WorkgroupMember, blank=True, related_name="attended", verbose_name=_("aanwezig")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.workgroup}: {self.title}"

    def get_absolute_url(self) -> str:
        return self.workgroup.get_absolute_url() + f"#vergadering-{self.pk}"

    def has_happened(self, now: datetime.datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())


class DeliverableStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    IN_PROGRESS = "in_uitvoering", _("in uitvoering")
    DONE = "opgeleverd", _("opgeleverd")


class Deliverable(models.Model):
    """A product (opbrengst) of a workgroup: a text or a document, with a due date. Completing
    it can complete the action it is linked to."""

    workgroup = models.ForeignKey(
        Workgroup,
        on_delete=models.CASCADE,
        related_name="deliverables",
        verbose_name=_("werkgroep"),
    )
    title = models.CharField(_("titel"), max_length=200)
    due_date = models.DateField(_("gereed op"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliverableStatus.choices,
        default=DeliverableStatus.PLANNED,
    )
    text = models.TextField(_("tekst"), blank=True, max_length=30000)
    document = models.FileField(
        _("document"),
        upload_to=deliverable_upload_to,
        blank=True,
        validators=[validate_document],
        help_text=_("PDF, ODT, DOCX, ODS, XLSX of TXT, hoogstens 10 MB."),
    )
    action = models.ForeignKey(
        "recommendations.ActionItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliverables",
        verbose_name=_("rondt actie af"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    completed_at = models.DateTimeField(_("opgeleverd op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("opbrengst")
        verbose_name_plural = _("opbrengsten")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="opgeleverd") | Q(completed_at__isnull=False),
                name="deliverable_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.workgroup.get_absolute_url() + f"#opbrengst-{self.pk}"

    def get_download_url(self) -> str:
        """The document through the view that applies the draft rule (never under MEDIA_URL)."""
        return reverse(
            "workgroups:deliverable-download",
            kwargs={"slug": self.workgroup.slug, "pk": self.pk},
        )

    @property
    def document_extension(self) -> str:
        return self.document.name.rsplit(".", 1)[-1].upper() if "." in self.document.name else ""

    @property
    def is_done(self) -> bool:
        return self.status == DeliverableStatus.DONE


class ContactMomentKind(models.Model):
    """One of the seven kinds of regular contact between wijkraden and the municipality."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="contact_moment_kinds",
        verbose_name=_("verantwoordelijke afdeling"),
    )
    description = models.TextField(_("omschrijving"))
    frequency = models.CharField(_("gebruikelijke frequentie"), max_length=150)
    # Recommendation 6: a fixed way of consulting, agreed between wijkraden and the department.
    agreed_format = models.TextField(
        _("afgesproken werkwijze"),
        max_length=4000,
        blank=True,
        help_text=_(
            "Hoe dit contactmoment verloopt en hoe de wijkraad terugkoppeling krijgt, zoals "
            "afgesproken met de wijkraden."
        ),
    )
    format_agreed_on = models.DateField(
        _("werkwijze afgesproken op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang er geen vaste afspraak is."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(format_agreed_on__isnull=True) | ~Q(agreed_format=""),
                name="contact_kind_agreed_format_described",
            )
        ]
        verbose_name = _("soort contactmoment")
        verbose_name_plural = _("soorten contactmomenten")

    def __str__(self) -> str:
        return self.name


class ContactMoment(models.Model):
    """A planned occurrence of a kind of contact moment with one wijkraad."""

    kind = models.ForeignKey(
        ContactMomentKind,
        on_delete=models.PROTECT,
        related_name="occurrences",
        verbose_name=_("soort"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="contact_moments",
        verbose_name=_("wijkraad"),
    )
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(_("plaats"), max_length=200)
    notes = models.TextField(_("toelichting"), blank=True, max_length=4000)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["council", "starts_at"], name="contact_moment_council")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="contact_moment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} — {self.council} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("workgroups:contactmoment-calendar", kwargs={"slug": self.council.slug})


class FeedbackType(models.TextChoices):
    FEEDBACK = "terugkoppeling", _("terugkoppeling")
    BOTTLENECK = "knelpunt", _("knelpunt")


class ContactFeedback(models.Model):
    """What a wijkraad member says about a contact moment (one occurrence, or a kind as a
    whole): feedback, or a bottleneck for the department and the contact-moments workgroup."""

    kind = models.ForeignKey(
        ContactMomentKind,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("soort contactmoment"),
    )
    occurrence = models.ForeignKey(
        ContactMoment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("contactmoment"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="contact_feedback",
        verbose_name=_("wijkraad"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_feedback",
        verbose_name=_("auteur"),
    )
    type = models.CharField(
        _("soort reactie"),
        max_length=20,
        choices=FeedbackType.choices,
        default=FeedbackType.FEEDBACK,
    )
    text = models.TextField(_("tekst"), max_length=2000)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reactie op contactmoment")
        verbose_name_plural = _("reacties op contactmomenten")
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="feedback_has_text")]

    def __str__(self) -> str:
        return f"{self.council}: {self.get_type_display()} over {self.kind}"
