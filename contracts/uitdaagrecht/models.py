"""The right to challenge (uitdaagrecht, recommendation 2): residents propose to take over a
task of the municipality or one of its partners. The transition table is PROPOSAL_MACHINE,
next to the model."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.core.states import StateMachine, TransitionRecord
from wijkportaal.wijkraden.models import NeighbourhoodCouncil


class ProposalStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend")
    ADMISSIBLE = "ontvankelijk", _("ontvankelijk")
    ASSESSING = "beoordeling", _("in beoordeling")
    GRANTED = "toegekend", _("toegekend")
    REJECTED = "afgewezen", _("afgewezen")
    RUNNING = "uitvoering", _("in uitvoering")
    EVALUATED = "geevalueerd", _("geëvalueerd")


# Granting and rejecting need a public motivation.
PROPOSAL_MOTIVATION_REQUIRED = (ProposalStatus.GRANTED, ProposalStatus.REJECTED)
PROPOSAL_MACHINE = StateMachine(
    ProposalStatus,
    {
        # A proposal that is not admissible is rejected straight away, with a motivation.
        ProposalStatus.SUBMITTED: (ProposalStatus.ADMISSIBLE, ProposalStatus.REJECTED),
        ProposalStatus.ADMISSIBLE: (ProposalStatus.ASSESSING,),
        ProposalStatus.ASSESSING: (ProposalStatus.GRANTED, ProposalStatus.REJECTED),
        ProposalStatus.GRANTED: (ProposalStatus.RUNNING,),
        ProposalStatus.RUNNING: (ProposalStatus.EVALUATED,),
        ProposalStatus.REJECTED: (),
        ProposalStatus.EVALUATED: (),
    },
    reason_required=PROPOSAL_MOTIVATION_REQUIRED,
    noun=_("Een voorstel"),
    reason_max_length=5000,
    reason_field="motivation",
    reason_message=_("Schrijf een openbare motivering bij dit besluit."),
)
PROPOSAL_UNDECIDED = (ProposalStatus.SUBMITTED, ProposalStatus.ADMISSIBLE, ProposalStatus.ASSESSING)


class ChallengeField(models.TextChoices):
    SOCIAL = "sociaal", _("sociaal domein en welzijn")
    PUBLIC_SPACE = "openbare_ruimte", _("beheer openbare ruimte")
    GREEN = "groen", _("groen en natuur")
    SPORT_CULTURE = "sport_cultuur", _("sport en cultuur")
    OTHER = "overig", _("overig")


class TerrainQuerySet(models.QuerySet):
    def open_on(self, day: datetime.date):
        """Terrains open on `day`: started, and not yet closed."""
        return self.filter(opens_on__lte=day).filter(
            Q(closes_on__isnull=True) | Q(closes_on__gt=day)
        )


class ChallengeTerrain(models.Model):
    """A terrain (policy field) on which the right to challenge is open. The letter opens it
    in maatschappelijke ondersteuning first and on other terrains later: administrators add a
    terrain with the date it opens; a proposal can only name a terrain open on that day."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=80, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(
        _("open tot"), null=True, blank=True, help_text=_("Leeg: blijft open.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = TerrainQuerySet.as_manager()

    class Meta:
        ordering = ["opens_on", "order", "name"]
        verbose_name = _("terrein uitdaagrecht")
        verbose_name_plural = _("terreinen uitdaagrecht")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(closes_on__gt=F("opens_on")),
                name="terrain_closes_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opens_on <= day and (self.closes_on is None or day < self.closes_on)


class EvaluationOutcome(models.TextChoices):
    SUCCESS = "geslaagd", _("geslaagd")
    PARTLY = "deels", _("deels geslaagd")
    FAILED = "niet_geslaagd", _("niet geslaagd")


class ProposalQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)


class ChallengeProposal(models.Model):
    """A right-to-challenge proposal: residents ask to take over a task of the municipality or
    one of its partners. Filed by a wijkraad's board (logged in) or by a resident group, whose
    proposal counts only after its email address is verified."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenge_proposals",
        verbose_name=_("wijkraad"),
    )
    group_name = models.CharField(_("naam van de bewonersgroep"), max_length=200, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingediend door"),
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    verified_at = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    task = models.CharField(_("taak die u wilt overnemen"), max_length=300)
    terrain = models.ForeignKey(
        ChallengeTerrain,
        on_delete=models.PROTECT,
        # Null only for rows from before terrains; the service always sets it.
        null=True,
        related_name="proposals",
        verbose_name=_("terrein"),
    )
    field = models.CharField(_("soort taak"), max_length=20, choices=ChallengeField.choices)
    current_provider = models.CharField(_("wie doet het nu"), max_length=200)
    plan = models.TextField(_("plan"), max_length=8000)
    support_evidence = models.TextField(_("draagvlak in de wijk"), max_length=4000)
    cost_comparison = models.TextField(_("kostenvergelijking"), max_length=4000)
    quality = models.TextField(_("kwaliteit"), max_length=4000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)
    motivation = models.TextField(_("motivering (openbaar)"), blank=True, max_length=5000)
    # The three criteria; None = not yet scored.
    not_more_expensive = models.BooleanField(_("niet duurder"), null=True, blank=True)
    at_least_same_quality = models.BooleanField(
        _("minstens dezelfde kwaliteit"), null=True, blank=True
    )
    demonstrable_support = models.BooleanField(
        _("aantoonbaar draagvlak in de wijk"), null=True, blank=True
    )
    score_notes = models.TextField(_("toelichting op de beoordeling"), blank=True, max_length=4000)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    scored_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals_handled",
        verbose_name=_("behandelaar"),
    )
    # The evaluation, a step of its own after the task was carried out: outcome and a
    # public summary, both required to move to "geëvalueerd".
    evaluation_outcome = models.CharField(
        _("uitkomst evaluatie"), max_length=20, choices=EvaluationOutcome.choices, blank=True
    )
    evaluation_summary = models.TextField(
        _("samenvatting evaluatie (openbaar)"), blank=True, max_length=5000
    )

    objects = ProposalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("uitdaagrechtvoorstel")
        verbose_name_plural = _("uitdaagrechtvoorstellen")
        constraints = [
            models.CheckConstraint(
                condition=Q(council__isnull=False) | ~Q(group_name=""),
                name="proposal_has_a_proposer",
            ),
            # Only a verified proposal moves beyond ingediend.
            models.CheckConstraint(
                condition=Q(status="ingediend") | Q(verified_at__isnull=False),
                name="proposal_processed_only_when_verified",
            ),
            # An evaluated proposal has an outcome and a public summary.
            models.CheckConstraint(
                condition=~Q(status="geevalueerd")
                | (~Q(evaluation_outcome="") & ~Q(evaluation_summary="")),
                name="proposal_evaluation_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.task

    def get_absolute_url(self) -> str:
        return reverse("contracts:proposal-detail", kwargs={"pk": self.pk})

    @property
    def proposer(self) -> str:
        return self.council.name if self.council_id else self.group_name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def allowed_transitions(self) -> tuple[str, ...]:
        return PROPOSAL_MACHINE.targets(self.status)

    @property
    def criteria(self) -> list[tuple[str, bool | None]]:
        return [
            (_("niet duurder"), self.not_more_expensive),
            (_("minstens dezelfde kwaliteit"), self.at_least_same_quality),
            (_("aantoonbaar draagvlak in de wijk"), self.demonstrable_support),
        ]


class ProposalTransition(TransitionRecord):
    """One dated, signed step of a proposal; the reason is the public motivation."""

    proposal = models.ForeignKey(
        ChallengeProposal,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("voorstel"),
    )
    from_status = models.CharField(
        _("van"), max_length=20, choices=ProposalStatus.choices, blank=True
    )
    to_status = models.CharField(_("naar"), max_length=20, choices=ProposalStatus.choices)
    reason = models.TextField(_("toelichting"), blank=True, max_length=5000)

    class Meta:
        ordering = ["proposal", "at", "pk"]
        verbose_name = _("statuswijziging voorstel")
        verbose_name_plural = _("statuswijzigingen voorstellen")

    def __str__(self) -> str:
        return f"{self.proposal}: {self.get_from_status_display()} → {self.get_to_status_display()}"
