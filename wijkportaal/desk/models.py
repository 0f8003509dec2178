"""Cases: everything a wijkraad submits to the municipality, with an owner, a term and a
history. The moves between states are in CASE_MACHINE, next to the model; every write goes
through services.py."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.states import StateMachine, TransitionRecord
from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil

from .hooks import kind_label

ANSWER_MAX_LENGTH = 10_000
# The portal's own kind of case: a person asks to remove their account and data (AVG).
REMOVAL_CASE = "accounts.removal_request"
TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 10_000


class CaseStatus(models.TextChoices):
    RECEIVED = "ontvangen", _("ontvangen")
    IN_PROGRESS = "in_behandeling", _("in behandeling")
    ANSWERED = "beantwoord", _("beantwoord")
    CLOSED = "afgehandeld", _("afgehandeld")


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS)

CASE_MACHINE = StateMachine(
    CaseStatus,
    {
        CaseStatus.RECEIVED: (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED),
        CaseStatus.IN_PROGRESS: (CaseStatus.ANSWERED, CaseStatus.CLOSED),
        # An answered case can still be closed when the matter is done (no reason needed).
        CaseStatus.ANSWERED: (CaseStatus.CLOSED,),
        CaseStatus.CLOSED: (),
    },
    # Closing a case that was never answered needs a reason the submitter can read.
    reason_required=(
        (CaseStatus.RECEIVED, CaseStatus.CLOSED),
        (CaseStatus.IN_PROGRESS, CaseStatus.CLOSED),
    ),
    noun=_("Een verzoek"),
)


class CaseRoute(models.Model):
    """Which department owns the cases of a kind (and topic). Without a route, the kind's own
    default department (its CaseKind plugin) owns them."""

    kind = models.CharField(_("soort verzoek"), max_length=60)
    topic = models.CharField(
        _("onderwerp"),
        max_length=100,
        blank=True,
        help_text=_("Leeg: geldt voor elk onderwerp van deze soort."),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="case_routes", verbose_name=_("afdeling")
    )

    class Meta:
        ordering = ["kind", "topic"]
        verbose_name = _("route van verzoeken")
        verbose_name_plural = _("routes van verzoeken")
        constraints = [
            models.UniqueConstraint(fields=["kind", "topic"], name="one_route_per_kind_and_topic")
        ]

    def __str__(self) -> str:
        what = kind_label(self.kind) + (f" — {self.topic}" if self.topic else "")
        return f"{what} → {self.department}"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, on: datetime.date | None = None):
        return self.open().filter(answer_by__lt=on or timezone.localdate())


class Case(models.Model):
    """One submission to the municipality: who submitted it for which wijkraad, the owning
    department and officer, the state, the answer-by date and the answer."""

    kind = models.CharField(_("soort verzoek"), max_length=60, db_index=True)
    topic = models.CharField(_("onderwerp"), max_length=100, blank=True)
    # What was submitted, in the app that owns it (nothing for a case without its own object).
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("titel"), max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(_("samenvatting"), blank=True, max_length=SUMMARY_MAX_LENGTH)
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("wijkraad"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_cases",
        verbose_name=_("ingediend door"),
    )
    # For a submitter without an account (a resident group).
    submitter_name = models.CharField(_("naam indiener"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("e-mailadres indiener"), blank=True)
    is_public = models.BooleanField(
        _("zichtbaar voor alle leden van de wijkraad"),
        default=False,
        help_text=_("Het bestuur en de indiener zien het verzoek altijd."),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="cases", verbose_name=_("afdeling")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("behandelaar"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    answer_by = models.DateField(_("antwoord uiterlijk op"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beantwoord door"),
    )
    answer = models.TextField(_("antwoord"), blank=True, max_length=ANSWER_MAX_LENGTH)
    answer_public = models.BooleanField(
        _("antwoord openbaar"),
        default=False,
        help_text=_("Openbaar: alle leden van de wijkraad lezen het antwoord mee."),
    )
    working_days_to_answer = models.PositiveIntegerField(
        _("werkdagen tot antwoord"), null=True, blank=True
    )
    answered_in_term = models.BooleanField(_("binnen de termijn beantwoord"), null=True)
    closed_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    closed_reason = models.TextField(_("reden van afhandeling"), blank=True, max_length=2000)
    reminded_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("geëscaleerd op"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["answer_by", "pk"]
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")
        constraints = [
            # One case per submitted object: the app finds it back by its object.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(content_type__isnull=False),
                name="one_case_per_subject",
            ),
            models.CheckConstraint(
                condition=(Q(content_type__isnull=True) & Q(object_id__isnull=True))
                | (Q(content_type__isnull=False) & Q(object_id__isnull=False)),
                name="case_subject_complete",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("answer"), ANSWER_MAX_LENGTH),
                name="case_answer_length",
            ),
            # An answered case has its answer, its moment and its figures.
            models.CheckConstraint(
                condition=~Q(status="beantwoord")
                | (
                    Q(answered_at__isnull=False)
                    & ~Q(answer="")
                    & Q(working_days_to_answer__isnull=False)
                ),
                name="case_answered_complete",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["ontvangen", "in_behandeling"])
                | Q(answered_at__isnull=False)
                | Q(closed_at__isnull=False),
                name="case_finished_has_moment",
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status", "answer_by"], name="case_department"),
            models.Index(fields=["assignee", "status"], name="case_assignee"),
            models.Index(fields=["council", "status"], name="case_council"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        return self.is_open and self.answer_by < (on or timezone.localdate())

    @property
    def submitter_label(self) -> str:
        if self.submitted_by_id:
            return str(self.submitted_by)
        return self.submitter_name or self.submitter_email


class CaseEventKind(models.TextChoices):
    RECEIVED = "received", _("ontvangen")
    ASSIGNED = "assigned", _("toegewezen")
    FORWARDED = "forwarded", _("doorgestuurd")
    STARTED = "started", _("in behandeling genomen")
    ANSWERED = "answered", _("beantwoord")
    CLOSED = "closed", _("afgehandeld")
    REMINDED = "reminded", _("herinnering verstuurd")
    ESCALATED = "escalated", _("geëscaleerd")


class CaseEvent(TransitionRecord):
    """One dated, signed step in a case's history (append-only). Events that do not change the
    status (assigned, forwarded, reminded, escalated) keep from and to the same."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("verzoek")
    )
    event = models.CharField(_("gebeurtenis"), max_length=20, choices=CaseEventKind.choices)
    text = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta(TransitionRecord.Meta):
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("geschiedenis van verzoeken")
        indexes = [models.Index(fields=["case", "at"], name="case_event_case")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} — {self.at:%d-%m-%Y %H:%M}"
