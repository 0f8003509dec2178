"""The training programme (recommendation 3) and the yearly wijkraden conference (8 and 10).

The wish inventory uses the shared InventoryRound (kind "scholing"); this app adds the topics of a
round and the answers. Enrolments and conference registrations share one shape: a seat while the
capacity lasts, then the waiting list in order of arrival."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from recommendations.models import Recommendation
from wijkportaal.core.states import StateMachine, TransitionRecord
from wijkportaal.wijkraden.models import InventoryRound, NeighbourhoodCouncil

ROUND_KIND = "scholing"


class Topic(models.Model):
    """A subject the wijkraden can rank in one inventory round."""

    round = models.ForeignKey(
        InventoryRound,
        on_delete=models.CASCADE,
        related_name="training_topics",
        verbose_name=_("inventarisatieronde"),
        limit_choices_to={"kind": ROUND_KIND},
    )
    title = models.CharField(_("onderwerp"), max_length=150)
    description = models.CharField(_("toelichting"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        constraints = [
            models.UniqueConstraint(fields=["round", "title"], name="topic_unique_per_round")
        ]

    def __str__(self) -> str:
        return self.title


class WishAnswer(models.Model):
    """A wijkraad's answer in one round, given by its board; editable until the deadline."""

    round = models.ForeignKey(
        InventoryRound,
        on_delete=models.CASCADE,
        related_name="training_answers",
        verbose_name=_("inventarisatieronde"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="training_answers",
        verbose_name=_("wijkraad"),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ingevuld door"),
    )
    own_wishes = models.TextField(_("eigen wensen"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "council__name"]
        verbose_name = _("antwoord op de scholingsinventarisatie")
        verbose_name_plural = _("antwoorden op de scholingsinventarisatie")
        constraints = [
            models.UniqueConstraint(fields=["round", "council"], name="one_answer_per_council")
        ]

    def __str__(self) -> str:
        return f"{self.council} — {self.round}"


class TopicRank(models.Model):
    """Place of a topic in a wijkraad's answer: 1 is the most wanted."""

    answer = models.ForeignKey(
        WishAnswer, on_delete=models.CASCADE, related_name="ranks", verbose_name=_("antwoord")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="ranks", verbose_name=_("onderwerp")
    )
    rank = models.PositiveSmallIntegerField(_("plaats"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["answer", "rank"]
        verbose_name = _("rangorde")
        verbose_name_plural = _("rangordes")
        constraints = [
            models.UniqueConstraint(fields=["answer", "topic"], name="topic_ranked_once"),
            models.UniqueConstraint(fields=["answer", "rank"], name="rank_used_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.topic}"


class Audience(models.TextChoices):
    NEW_MEMBERS = "nieuwe_leden", _("nieuwe leden")
    ALL_MEMBERS = "alle_leden", _("alle leden")
    CHAIRS = "voorzitters", _("voorzitters")
    SECRETARIES = "secretarissen", _("secretarissen")


class Module(models.Model):
    """A part of the programme, shaped by the wishes of the inventory."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    goals = models.TextField(_("leerdoelen"))
    audience = models.CharField(
        _("voor wie"), max_length=20, choices=Audience.choices, default=Audience.ALL_MEMBERS
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="modules", verbose_name=_("gekoppelde wensen")
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="training_modules",
        verbose_name=_("aanbevelingen"),
    )
    onboarding_position = models.PositiveSmallIntegerField(
        _("plaats in het inwerkprogramma"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen onderdeel van het inwerkprogramma voor nieuwe leden."),
    )

    # Recommendation 6 feeds recommendation 3: what a workgroup delivered becomes training
    # material. The relation lives here so the workgroups app needs no knowledge of training.
    deliverables = models.ManyToManyField(
        "workgroups.Deliverable",
        blank=True,
        related_name="training_modules",
        verbose_name=_("komt voort uit opbrengsten van werkgroepen"),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:module-detail", kwargs={"slug": self.slug})


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now())

    def with_counts(self):
        return self.annotate(
            enrolled_count=models.Count(
                "enrolments", filter=Q(enrolments__status="ingeschreven"), distinct=True
            ),
            waiting_count=models.Count(
                "enrolments", filter=Q(enrolments__status="wachtlijst"), distinct=True
            ),
        )


class Session(models.Model):
    """A date on which a module is given."""

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("module")
    )
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    online_url = models.URLField(_("link voor online deelname"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("aantal plaatsen"), default=20)
    trainer = models.CharField(_("trainer"), max_length=150)
    materials = models.TextField(
        _("materiaal"), blank=True, help_text=_("Links en voorbereiding; Markdown is toegestaan.")
    )

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_capacity_positive"),
            models.CheckConstraint(
                condition=~Q(location="") | ~Q(online_url=""), name="session_has_place_or_link"
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.module.title} — {local:%d-%m-%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("training:session-detail", kwargs={"pk": self.pk})

    @property
    def seats_left(self) -> int:
        """Free seats; needs the `enrolled_count` annotation (SessionQuerySet.with_counts)."""
        return max(self.capacity - self.enrolled_count, 0)


class SeatStatus(models.TextChoices):
    ENROLLED = "ingeschreven", _("ingeschreven")
    WAITING = "wachtlijst", _("op de wachtlijst")
    CANCELLED = "afgemeld", _("afgemeld")


class Enrolment(models.Model):
    """A person's place in a session: a seat, a place on the waiting list, or cancelled. One row
    per person and session; enrolling again after cancelling reuses it."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("bijeenkomst")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_enrolments",
        verbose_name=_("deelnemer"),
    )
    status = models.CharField(_("status"), max_length=20, choices=SeatStatus.choices)
    # Order on the waiting list; also the moment of the latest (re-)enrolment.
    requested_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    attended = models.BooleanField(_("aanwezig geweest"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "requested_at", "pk"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_enrolment_per_person"),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="ingeschreven"),
                name="attendance_only_when_enrolled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.session} ({self.get_status_display()})"


class ConferenceStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    HELD = "gehouden", _("gehouden")
    CANCELLED = "geannuleerd", _("geannuleerd")


CONFERENCE_MACHINE = StateMachine(
    ConferenceStatus,
    {
        ConferenceStatus.PLANNED: (ConferenceStatus.HELD, ConferenceStatus.CANCELLED),
        ConferenceStatus.HELD: (),
        ConferenceStatus.CANCELLED: (),
    },
    reason_required=(ConferenceStatus.CANCELLED,),
    noun=_("Een conferentie"),
)


class Conference(models.Model):
    """One edition of the wijkradenconferentie: at least one a year, more are allowed. It is
    planned, then held (with the attendance an officer records) or cancelled."""

    year = models.PositiveSmallIntegerField(_("jaar"))
    slug = models.SlugField(
        _("adres"),
        max_length=50,
        unique=True,
        help_text=_("Deel van het webadres, bijvoorbeeld 2027 of 2027-najaar."),
    )
    theme = models.CharField(_("thema"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    venue = models.CharField(_("locatie"), max_length=200)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(_("aantal plaatsen"), default=150)
    delegation = models.ManyToManyField(
        NeighbourhoodCouncil,
        blank=True,
        related_name="conferences_organised",
        verbose_name=_("mede-organiserende wijkraden"),
    )
    modules = models.ManyToManyField(
        Module,
        blank=True,
        related_name="conferences",
        verbose_name=_("onderdeel van het scholingsprogramma (modules)"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.PLANNED,
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)
    # The attendance, recorded with the step to "gehouden".
    councils_represented = models.ManyToManyField(
        NeighbourhoodCouncil,
        blank=True,
        related_name="conferences_attended",
        verbose_name=_("vertegenwoordigde wijkraden"),
    )
    councillors_present = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="conferences_attended",
        verbose_name=_("aanwezige gemeenteraadsleden"),
        limit_choices_to={"kind": "gemeenteraadslid"},
    )

    history = HistoricalRecords(m2m_fields=[delegation])

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("wijkradenconferentie")
        verbose_name_plural = _("wijkradenconferenties")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="conference_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="conference_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["gepland", "gehouden", "geannuleerd"]),
                name="conference_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Wijkradenconferentie')} {self.year}: {self.theme}"

    def get_absolute_url(self) -> str:
        return reverse("training:conference-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.year and timezone.localtime(self.starts_at).year != self.year:
            raise ValidationError({"starts_at": _("De datum valt niet in het gekozen jaar.")})

    @property
    def is_planned(self) -> bool:
        return self.status == ConferenceStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.status == ConferenceStatus.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == ConferenceStatus.CANCELLED


class ConferenceTransition(TransitionRecord):
    """One dated, signed step of a conference (planned → held or cancelled)."""

    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("conferentie"),
    )
    from_status = models.CharField(
        _("van"), max_length=20, choices=ConferenceStatus.choices, blank=True
    )
    to_status = models.CharField(_("naar"), max_length=20, choices=ConferenceStatus.choices)

    class Meta:
        ordering = ["conference", "at", "pk"]
        verbose_name = _("statuswijziging van de conferentie")
        verbose_name_plural = _("statuswijzigingen van de conferentie")

    def __str__(self) -> str:
        return f"{self.conference}: {self.from_status} → {self.to_status}"


class ProgrammeItem(models.Model):
    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="programme",
        verbose_name=_("conferentie"),
    )
    starts_at = models.TimeField(_("begint om"))
    title = models.CharField(_("onderdeel"), max_length=200)
    speaker = models.CharField(_("door"), max_length=200, blank=True)
    description = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["conference", "starts_at", "pk"]
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programma")

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.title}"


class ConferenceRegistration(models.Model):
    """A wijkraad member's or council member's registration for a conference."""

    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("conferentie"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conference_registrations",
        verbose_name=_("deelnemer"),
    )
    status = models.CharField(_("status"), max_length=20, choices=SeatStatus.choices)
    needs = models.TextField(_("toegankelijkheid of dieetwensen"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["conference", "requested_at", "pk"]
        verbose_name = _("aanmelding voor de conferentie")
        verbose_name_plural = _("aanmeldingen voor de conferentie")
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "person"], name="one_registration_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.conference.year} ({self.get_status_display()})"


class TrainingRoundManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=ROUND_KIND)


class TrainingRound(InventoryRound):
    """The shared inventory round, seen from this app: only rounds of kind "scholing", so an
    officer opens a round and its topics on one admin page."""

    objects = TrainingRoundManager()

    class Meta:
        proxy = True
        verbose_name = _("scholingsinventarisatie")
        verbose_name_plural = _("scholingsinventarisaties")

    def save(self, *args, **kwargs):
        self.kind = ROUND_KIND
        super().save(*args, **kwargs)
