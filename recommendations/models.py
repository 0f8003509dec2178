from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.core.states import StateMachine
from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil


class Stance(models.TextChoices):
    ADOPTED = "overgenomen", _("overgenomen")
    PARTLY_ADOPTED = "deels_overgenomen", _("deels overgenomen")
    TO_ELABORATE = "nader_uit_te_werken", _("nader uit te werken")
    DEFERRED = "aangehouden", _("aangehouden")
    NOT_ADOPTED = "niet_overgenomen", _("niet overgenomen")


class Recommendation(models.Model):
    """A recommendation of the wijkraden (the letter answers ten; nothing counts on that), with
    the municipality's current stance and answer. Every version of the stance and answer is an
    AnswerVersion; `stance` and `answer` here repeat the latest one (services keep them equal)."""

    number = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, validators=[MinValueValidator(1)]
    )
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("wat de wijkraden vroegen"))
    answer = models.TextField(_("reactie van de gemeente"))
    stance = models.CharField(_("standpunt"), max_length=30, choices=Stance.choices)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1), name="recommendation_number_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("recommendations:recommendation-detail", kwargs={"number": self.number})


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    RUNNING = "lopend", _("lopend")
    BLOCKED = "geblokkeerd", _("geblokkeerd")
    DONE = "afgerond", _("afgerond")
    CANCELLED = "vervallen", _("vervallen")


CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)

# The moves a progress update may make (an update that keeps the status is no move). Every
# update carries a text, so every move is explained on the public timeline. A closed action
# may be reopened, as before the table existed: afgerond goes back to lopend (more work
# turned up, or it was closed too early), vervallen comes back as gepland or lopend. What
# never happens: afgerond straight to another closed or waiting state, and vervallen straight
# to afgerond (a cancelled action was not carried out). "Afgerond waits for its
# dependencies" is a rule on top of this table (services.progress_update_check).
ACTION_MACHINE = StateMachine(
    ActionStatus,
    {
        ActionStatus.PLANNED: (
            ActionStatus.RUNNING,
            ActionStatus.BLOCKED,
            ActionStatus.DONE,
            ActionStatus.CANCELLED,
        ),
        ActionStatus.RUNNING: (
            ActionStatus.PLANNED,
            ActionStatus.BLOCKED,
            ActionStatus.DONE,
            ActionStatus.CANCELLED,
        ),
        ActionStatus.BLOCKED: (
            ActionStatus.PLANNED,
            ActionStatus.RUNNING,
            ActionStatus.DONE,
            ActionStatus.CANCELLED,
        ),
        ActionStatus.DONE: (ActionStatus.RUNNING,),
        ActionStatus.CANCELLED: (ActionStatus.PLANNED, ActionStatus.RUNNING),
    },
    noun=_("Een actie"),
    changed_at_field=None,  # the update's own moment is the record (ProgressUpdate)
)


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, on=None):
        on = on or timezone.localdate()
        return self.open().filter(due_date__lt=on)


class ActionItem(models.Model):
    """A concrete action (actie) that carries out one or more recommendations. Named ActionItem
    so it never collides with Django admin actions."""

    key = models.SlugField(
        _("sleutel"),
        max_length=60,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Vaste naam waarmee andere onderdelen deze actie vinden, bv. werkgroep-rollen."
        ),
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    recommendations = models.ManyToManyField(
        Recommendation, related_name="actions", verbose_name=_("aanbevelingen")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("eigenaar (afdeling)"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_actions",
        verbose_name=_("verantwoordelijke ambtenaar"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("gereed op"), null=True, blank=True)
    planning = models.TextField(_("programmering"), blank=True)
    financing_amount = models.DecimalField(
        _("financiering (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    financing_source = models.CharField(_("bron van financiering"), max_length=200, blank=True)
    dependencies = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="dependents", verbose_name=_("wacht op")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    last_progress_at = models.DateTimeField(_("laatste voortgangsbericht"), null=True, blank=True)

    objects = ActionItemQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[dependencies])

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100), name="action_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(due_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="action_due_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgerond") | Q(progress=100), name="action_done_is_complete"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recommendations:action-detail", kwargs={"pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def is_overdue(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.due_date is not None and not self.is_closed and self.due_date < on


class ProgressUpdate(models.Model):
    """A dated, signed entry on an action's public timeline. Append-only: a correction is a
    new entry (or a tracked edit in the history)."""

    action = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, related_name="updates", verbose_name=_("actie")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        verbose_name=_("auteur"),
    )
    created_at = models.DateTimeField(_("moment"), default=timezone.now, db_index=True)
    text = models.TextField(_("bericht"), max_length=5000)
    status_before = models.CharField(
        _("status ervoor"), max_length=20, choices=ActionStatus.choices
    )
    status_after = models.CharField(_("status erna"), max_length=20, choices=ActionStatus.choices)
    progress_before = models.PositiveSmallIntegerField(_("voortgang ervoor"))
    progress_after = models.PositiveSmallIntegerField(_("voortgang erna"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("voortgangsbericht")
        verbose_name_plural = _("voortgangsberichten")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_after__gte=0) & Q(progress_after__lte=100),
                name="update_progress_0_100",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="update_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.action} — {self.created_at:%d-%m-%Y}"

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.status_after


class PeriodKind(models.TextChoices):
    PROGRAMME_YEAR = "programmajaar", _("programmajaar")
    TARGET_DATE = "doeldatum", _("tot een doeldatum")


class IndicatorStatus(models.TextChoices):
    MET = "gehaald", _("gehaald")
    ON_TRACK = "op_schema", _("op schema")
    BEHIND = "achter", _("achter")
    NO_TARGET = "geen_doel", _("geen doel")


class Indicator(models.Model):
    """A measurable target under a recommendation, over a period: the current programme year
    (its start is the setting PROGRAMME_YEAR_START) or from a start up to a target date.
    `source` names a live computation an app registered (core registry); the value and the
    status then come from the portal's data. Without a source the indicator is handmatig: an
    officer sets the value, and who did and when is kept."""

    key = models.SlugField(
        _("sleutel"),
        max_length=80,
        unique=True,
        help_text=_("Vaste naam in de open data, bv. rec9-wijkcontracten-op-verzoek."),
    )
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("aanbeveling"),
    )
    title = models.CharField(_("omschrijving"), max_length=200)
    definition = models.TextField(
        _("definitie"),
        max_length=500,
        blank=True,
        help_text=_(
            "Eén zin: wat precies geteld wordt. Bij een live berekening geldt de definitie "
            "van de berekening zelf."
        ),
    )
    period_kind = models.CharField(
        _("periode"), max_length=20, choices=PeriodKind.choices, default=PeriodKind.PROGRAMME_YEAR
    )
    period_start = models.DateField(_("periode vanaf"), null=True, blank=True)
    period_end = models.DateField(_("doeldatum"), null=True, blank=True)
    target = models.DecimalField(
        _("doel"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg: geen doel."),
    )
    unit = models.CharField(_("eenheid"), max_length=30, blank=True)
    manual_value = models.DecimalField(
        _("handmatige waarde"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    manual_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handmatig ingevuld door"),
    )
    manual_set_at = models.DateTimeField(_("handmatig ingevuld op"), null=True, blank=True)
    source = models.CharField(
        _("berekening"),
        max_length=100,
        blank=True,
        help_text=_("Sleutel van een live berekening; leeg = handmatig."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["recommendation__number", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.CheckConstraint(
                condition=~Q(period_kind="doeldatum")
                | (Q(period_start__isnull=False) & Q(period_end__gte=models.F("period_start"))),
                name="indicator_target_date_period",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SnapshotKind(models.TextChoices):
    MONTHLY = "maandelijks", _("maandelijks")
    REQUESTED = "op_verzoek", _("op verzoek")


class IndicatorSnapshot(models.Model):
    """An indicator's value on a date, as it was computed then. Written by the monthly task
    (one per indicator per month) or when an officer asks; never edited."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("indicator")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=SnapshotKind.choices)
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    taken_at = models.DateTimeField(_("vastgelegd op"), db_index=True)
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("doel"), max_digits=10, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=IndicatorStatus.choices)
    live = models.BooleanField(_("live berekend"))
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("op verzoek van"),
    )

    class Meta:
        ordering = ["indicator", "taken_at", "pk"]
        verbose_name = _("momentopname van een indicator")
        verbose_name_plural = _("momentopnamen van indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "month"],
                condition=Q(kind="maandelijks"),
                name="one_monthly_snapshot_per_indicator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {timezone.localtime(self.taken_at):%d-%m-%Y}"


class AnswerVersion(models.Model):
    """One dated version of the municipality's stance and answer on a recommendation. The
    letter's text is the first version; administrators add a new one with a reason. Never
    edited: the recommendation page shows them all."""

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="answer_versions",
        verbose_name=_("aanbeveling"),
    )
    valid_from = models.DateField(_("geldt vanaf"))
    stance = models.CharField(_("standpunt"), max_length=30, choices=Stance.choices)
    answer = models.TextField(_("reactie van de gemeente"))
    reason = models.TextField(
        _("reden van de wijziging"), max_length=2000, blank=True, help_text=_("Leeg bij de brief.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        ordering = ["recommendation", "valid_from", "created_at", "pk"]
        verbose_name = _("versie van standpunt en reactie")
        verbose_name_plural = _("versies van standpunt en reactie")
        constraints = [models.CheckConstraint(condition=~Q(answer=""), name="version_has_answer")]

    def __str__(self) -> str:
        return f"{self.recommendation.number}: {self.valid_from:%d-%m-%Y}"


class ProgrammeEventKind(models.TextChoices):
    LETTER = "brief", _("brief van de wethouder")
    CONVERSATION = "stadsgesprek", _("stadsgesprek")
    REPORT = "eindrapport", _("eindrapport")
    COUNCIL = "raad", _("behandeling in de raad")
    OTHER = "anders", _("anders")


class ProgrammeEvent(models.Model):
    """A dated moment of the programme's own history (the city conversations, the final
    report, the letter), shown on /voortgang/ under "Over dit programma"."""

    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=20, choices=ProgrammeEventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=2000, blank=True)
    url = models.URLField(_("link naar het document"), blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("moment in het programma")
        verbose_name_plural = _("momenten in het programma")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.title}"


class Reaction(models.Model):
    """A wijkraad member's reaction on an action, shown with their wijkraad's name. Officers hide
    a reaction with a reason; it is kept, never deleted."""

    action = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, related_name="reactions", verbose_name=_("actie")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("auteur"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("wijkraad"),
    )
    text = models.TextField(_("reactie"), max_length=2000)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    hidden_at = models.DateTimeField(_("verborgen op"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verborgen door"),
    )
    hidden_reason = models.CharField(_("reden van verbergen"), max_length=500, blank=True)
    # The municipality's public answer, given at the desk (mirrored by services.reaction_answered).
    answer = models.TextField(_("antwoord van de gemeente"), blank=True, max_length=10000)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by_department = models.CharField(_("beantwoord door"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="reaction_has_text"),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="hidden_reaction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council}: {self.text[:40]}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Follow(models.Model):
    """A user follows a recommendation or an action (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    action = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        constraints = [
            models.CheckConstraint(
                condition=(Q(recommendation__isnull=False) & Q(action__isnull=True))
                | (Q(recommendation__isnull=True) & Q(action__isnull=False)),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "recommendation"],
                condition=Q(recommendation__isnull=False),
                name="unique_follow_recommendation",
            ),
            models.UniqueConstraint(
                fields=["user", "action"],
                condition=Q(action__isnull=False),
                name="unique_follow_action",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.recommendation or self.action}"


class MyPageVisit(models.Model):
    """What "Wat veranderde" on /mijn/ shows a user: the changes after `read_until` (all
    recent ones while it is empty). A visit does not mark them as read; the reader does (the
    button), or a day after they were first shown (`shown_at`), see services."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="my_page_visit"
    )
    read_until = models.DateTimeField(_("gelezen tot"), null=True, blank=True)
    shown_at = models.DateTimeField(_("voor het eerst getoond op"), null=True, blank=True)

    def __str__(self) -> str:
        if self.read_until is None:
            return str(self.user)
        return f"{self.user}: {self.read_until:%Y-%m-%d %H:%M}"
