"""The role choice (rolkeuze): a wijkraad makes known in advance whether it acts as a network
organisation or as a self-organisation, in general, for a subject or for one object of another
app."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.wijkraden.models import NeighbourhoodCouncil


class Role(models.TextChoices):
    NETWORK = "netwerkorganisatie", _("netwerkorganisatie")
    SELF = "zelforganisatie", _("zelforganisatie")


class RoleDeclarationQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(start__lte=on), Q(end__isnull=True) | Q(end__gte=on))

    def upcoming(self, on: datetime.date | None = None):
        return self.filter(start__gt=on or timezone.localdate())

    def ended(self, on: datetime.date | None = None):
        return self.filter(end__lt=on or timezone.localdate())

    def general(self):
        return self.filter(content_type__isnull=True, subject="")


class RoleDeclaration(models.Model):
    """A wijkraad's role (rolkeuze) for a scope: in general, for a named subject or dossier, or
    for one object of another app (an action, a wijkcontract, a right-to-challenge proposal),
    linked generically so this app never imports the other domain apps. Declared in advance;
    once in force it is never edited, only ended or succeeded (see services.py)."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="role_declarations",
        verbose_name=_("wijkraad"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    subject = models.CharField(
        _("onderwerp of dossier"),
        max_length=200,
        blank=True,
        help_text=_("Leeg laten als de rolkeuze algemeen geldt."),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("soort gekoppeld onderdeel"),
    )
    object_id = models.PositiveBigIntegerField(_("gekoppeld onderdeel"), null=True, blank=True)
    scope_object = GenericForeignKey("content_type", "object_id")
    start = models.DateField(_("geldt vanaf"))
    end = models.DateField(_("geldt tot en met"), null=True, blank=True)
    reason = models.TextField(_("toelichting"), max_length=2000, blank=True)
    frameworks_acknowledged = models.BooleanField(_("kaders onderschreven"), default=False)
    declared_at = models.DateTimeField(_("bekendgemaakt op"), default=timezone.now)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("bekendgemaakt door"),
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("volgt op"),
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beëindigd door"),
    )

    history = HistoricalRecords()
    objects = RoleDeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("rolkeuze")
        verbose_name_plural = _("rolkeuzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="role_declaration_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(role="zelforganisatie") | Q(frameworks_acknowledged=True),
                name="role_declaration_self_acknowledged",
            ),
            models.CheckConstraint(
                condition=(Q(content_type__isnull=True) & Q(object_id__isnull=True))
                | (Q(content_type__isnull=False) & Q(object_id__isnull=False)),
                name="role_declaration_scope_object_complete",
            ),
        ]
        indexes = [models.Index(fields=["council", "start"], name="role_declaration_council")]

    def __str__(self) -> str:
        return f"{self.council}: {self.get_role_display()} ({self.scope_label})"

    def get_absolute_url(self) -> str:
        return self.council.get_absolute_url() + "#rollen"

    @property
    def is_general(self) -> bool:
        return self.content_type_id is None and not self.subject

    @property
    def scope_label(self) -> str:
        if self.is_general:
            return str(_("algemeen"))
        if self.subject:
            return self.subject
        return str(self.scope_object) if self.scope_object is not None else str(_("onbekend"))

    @property
    def scope_url(self) -> str:
        """The linked object's page, if it has one (and its app's pages exist)."""
        getter = getattr(self.scope_object, "get_absolute_url", None)
        if getter is None:
            return ""
        try:
            return getter()
        except NoReverseMatch:
            return ""

    def state(self, on: datetime.date | None = None) -> str:
        on = on or timezone.localdate()
        if self.start > on:
            return "upcoming"
        if self.end is not None and self.end < on:
            return "ended"
        return "current"
