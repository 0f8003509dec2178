"""Wijkcontracten with their parties and commitments (recommendation 9), the right to challenge
(recommendation 2), the budget pilot (recommendation 2) and the support catalogue with support
requests (recommendation 7).

The state machines are explicit: each status enum has a table of allowed transitions next to
it, used by the services and shown in the admin."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil

ZERO = Decimal("0.00")
MONEY = {"max_digits": 12, "decimal_places": 2}

# ---------------------------------------------------------------------------------------------
# Wijkcontracten
# ---------------------------------------------------------------------------------------------


class ContractStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("aangevraagd")
    EXPLORING = "verkenning", _("verkenning")
    PREPARING = "voorbereiding", _("in voorbereiding")
    SIGNED = "getekend", _("getekend (lopend)")
    EVALUATED = "geevalueerd", _("geëvalueerd")
    CLOSED = "afgesloten", _("afgesloten")
    REJECTED = "afgewezen", _("afgewezen")
    WITHDRAWN = "ingetrokken", _("ingetrokken")


# The only moves a contract can make. Anything else (skipping a step, going back) is refused.
CONTRACT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ContractStatus.REQUESTED: (
        ContractStatus.EXPLORING,
        ContractStatus.REJECTED,
        ContractStatus.WITHDRAWN,
    ),
    ContractStatus.EXPLORING: (
        ContractStatus.PREPARING,
        ContractStatus.REJECTED,
        ContractStatus.WITHDRAWN,
    ),
    ContractStatus.PREPARING: (
        ContractStatus.SIGNED,
        ContractStatus.REJECTED,
        ContractStatus.WITHDRAWN,
    ),
    ContractStatus.SIGNED: (ContractStatus.EVALUATED, ContractStatus.CLOSED),
    ContractStatus.EVALUATED: (ContractStatus.CLOSED,),
    ContractStatus.CLOSED: (),
    ContractStatus.REJECTED: (),
    ContractStatus.WITHDRAWN: (),
}
# Transitions into these states need a written reason.
CONTRACT_REASON_REQUIRED = (
    ContractStatus.REJECTED,
    ContractStatus.WITHDRAWN,
    ContractStatus.CLOSED,
)
# Everyone sees these; the others are internal to the wijkraad's board and the officers.
CONTRACT_PUBLIC_STATUSES = (
    ContractStatus.SIGNED,
    ContractStatus.EVALUATED,
    ContractStatus.CLOSED,
)
CONTRACT_DRAFT_STATUSES = tuple(s for s in ContractStatus if s not in CONTRACT_PUBLIC_STATUSES)


class Renewal(models.TextChoices):
    NONE = "geen", _("geen verlenging")
    AFTER_EVALUATION = "na_evaluatie", _("verlenging na evaluatie")
    AUTOMATIC = "stilzwijgend", _("stilzwijgende verlenging")


class ContractQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=CONTRACT_PUBLIC_STATUSES)

    def visible_to(self, user):
        from wijkportaal.permissions import current_council_ids, is_staff_member

        if is_staff_member(user):
            return self
        return self.filter(
            Q(status__in=CONTRACT_PUBLIC_STATUSES)
            | Q(council_id__in=current_council_ids(user, board_only=True))
        )


class Contract(models.Model):
    """A wijkcontract: agreements between the municipality, a wijkraad and partners about the
    maintenance and development of a neighbourhood, requested by the wijkraad itself."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("wijkraad"),
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("waar gaat het over"), max_length=5000)
    theme_maintenance = models.BooleanField(_("thema beheer"), default=False)
    theme_development = models.BooleanField(_("thema ontwikkeling"), default=False)
    theme_social = models.BooleanField(_("thema sociaal"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ContractStatus.choices,
        default=ContractStatus.REQUESTED,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)
    start_date = models.DateField(_("ingangsdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    renewal = models.CharField(
        _("verlenging"), max_length=20, choices=Renewal.choices, default=Renewal.NONE
    )
    research_budget = models.DecimalField(
        _("kosten onderzoek (begroot)"), **MONEY, default=ZERO, validators=[MinValueValidator(0)]
    )
    research_spent = models.DecimalField(
        _("kosten onderzoek (besteed)"), **MONEY, default=ZERO, validators=[MinValueValidator(0)]
    )
    guidance_budget = models.DecimalField(
        _("kosten begeleiding (begroot)"), **MONEY, default=ZERO, validators=[MinValueValidator(0)]
    )
    guidance_spent = models.DecimalField(
        _("kosten begeleiding (besteed)"), **MONEY, default=ZERO, validators=[MinValueValidator(0)]
    )
    contact_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts_guided",
        verbose_name=_("contactpersoon gemeente"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="contracts_requested",
        verbose_name=_("aangevraagd door"),
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = ContractQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("wijkcontract")
        verbose_name_plural = _("wijkcontracten")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gt=F("start_date")),
                name="contract_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(research_budget__gte=0)
                & Q(research_spent__gte=0)
                & Q(guidance_budget__gte=0)
                & Q(guidance_spent__gte=0),
                name="contract_costs_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(theme_maintenance=True)
                | Q(theme_development=True)
                | Q(theme_social=True),
                name="contract_has_a_theme",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contracts:contract-detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in CONTRACT_PUBLIC_STATUSES

    @property
    def allowed_transitions(self) -> tuple[str, ...]:
        return CONTRACT_TRANSITIONS[self.status]

    @property
    def themes(self) -> list[str]:
        labels = []
        if self.theme_maintenance:
            labels.append(_("beheer"))
        if self.theme_development:
            labels.append(_("ontwikkeling"))
        if self.theme_social:
            labels.append(_("sociaal"))
        return labels

    @property
    def total_budget(self) -> Decimal:
        return self.research_budget + self.guidance_budget

    @property
    def total_spent(self) -> Decimal:
        return self.research_spent + self.guidance_spent


class PartyKind(models.TextChoices):
    COUNCIL = "wijkraad", _("wijkraad")
    DEPARTMENT = "afdeling", _("afdeling van de gemeente")
    PARTNER = "partner", _("partner")


class ContractParty(models.Model):
    """A party to a contract: the wijkraad, a municipal department or a partner (for instance a
    housing corporation or a welfare organisation)."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="parties", verbose_name=_("wijkcontract")
    )
    kind = models.CharField(_("soort partij"), max_length=20, choices=PartyKind.choices)
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijkraad"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contract_parties",
        verbose_name=_("afdeling"),
    )
    name = models.CharField(_("naam partner"), max_length=200, blank=True)
    role = models.CharField(_("rol in het contract"), max_length=300, blank=True)

    class Meta:
        ordering = ["contract", "kind", "pk"]
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="wijkraad") & Q(council__isnull=False))
                | (Q(kind="afdeling") & Q(department__isnull=False))
                | (Q(kind="partner") & ~Q(name="")),
                name="contract_party_names_who",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind == PartyKind.COUNCIL and self.council_id:
            return self.council.name
        if self.kind == PartyKind.DEPARTMENT and self.department_id:
            return self.department.name
        return self.name

    def clean(self):
        errors = {}
        if self.kind == PartyKind.COUNCIL and not self.council_id:
            errors["council"] = _("Kies de wijkraad.")
        if self.kind == PartyKind.DEPARTMENT and not self.department_id:
            errors["department"] = _("Kies de afdeling.")
        if self.kind == PartyKind.PARTNER and not self.name.strip():
            errors["name"] = _("Vul de naam van de partner in.")
        if errors:
            raise ValidationError(errors)


class ContractTransition(models.Model):
    """One dated, signed step of a contract through its states."""

    contract = models.ForeignKey(
        Contract,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("wijkcontract"),
    )
    from_status = models.CharField(
        _("van"), max_length=20, choices=ContractStatus.choices, blank=True
    )
    to_status = models.CharField(_("naar"), max_length=20, choices=ContractStatus.choices)
    at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    reason = models.TextField(_("reden"), blank=True, max_length=2000)

    class Meta:
        ordering = ["contract", "at", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        indexes = [models.Index(fields=["to_status", "at"], name="contract_transition_to_at")]

    def __str__(self) -> str:
        return f"{self.contract}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "bezig", _("in uitvoering")
    DONE = "nagekomen", _("nagekomen")
    DROPPED = "vervallen", _("vervallen")


COMMITMENT_CLOSED = (CommitmentStatus.DONE, CommitmentStatus.DROPPED)


class CommitmentQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=COMMITMENT_CLOSED)

    def overdue(self, on: datetime.date | None = None):
        return self.open().filter(due_date__lt=on or timezone.localdate())


class Commitment(models.Model):
    """An afspraak in a contract: which party does what, by when, and the evidence that it
    was done."""

    contract = models.ForeignKey(
        Contract,
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("wijkcontract"),
    )
    party = models.ForeignKey(
        ContractParty,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("partij"),
    )
    what = models.TextField(_("afspraak"), max_length=2000)
    due_date = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.OPEN,
        db_index=True,
    )
    evidence = models.TextField(
        _("bewijs"),
        blank=True,
        max_length=2000,
        help_text=_("Waaruit blijkt dat de afspraak is nagekomen (verslag, foto, link)."),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return self.what[:80]

    def clean(self):
        errors = {}
        contract = self.contract if self.contract_id else None
        if (
            contract
            and contract.start_date
            and self.due_date
            and self.due_date < contract.start_date
        ):
            errors["due_date"] = _(
                "Een afspraak kan niet vóór de ingangsdatum van het contract (%(start)s) vervallen."
            ) % {"start": contract.start_date.strftime("%d-%m-%Y")}
        if self.party_id and contract and self.party.contract_id != contract.pk:
            errors["party"] = _("Kies een partij van dit contract.")
        if self.status == CommitmentStatus.DONE and not self.evidence.strip():
            errors["evidence"] = _("Beschrijf het bewijs dat de afspraak is nagekomen.")
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.status not in COMMITMENT_CLOSED and self.due_date < on

    @property
    def overdue(self) -> bool:
        return self.is_overdue()


# ---------------------------------------------------------------------------------------------
# Budget pilot (beheerexperiment)
# ---------------------------------------------------------------------------------------------


class BudgetPilot(models.Model):
    """A yearly budget that one wijkraad manages itself in the pilot."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        related_name="budget_pilots",
        verbose_name=_("wijkraad"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    introduction = models.TextField(_("toelichting"), blank=True, max_length=4000)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "council__name"]
        verbose_name = _("beheerexperiment")
        verbose_name_plural = _("beheerexperimenten")
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="one_pilot_per_council_year"),
            models.CheckConstraint(condition=Q(year__gte=2000), name="pilot_year_plausible"),
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("contracts:pilot-detail", kwargs={"pk": self.pk})


class BudgetLineKind(models.TextChoices):
    MAINTENANCE = "beheer", _("beheer openbare ruimte")
    DEVELOPMENT = "ontwikkeling", _("ontwikkeling openbare ruimte")
    SOCIAL = "sociaal", _("sociale initiatieven")


class BudgetLine(models.Model):
    """One line of a pilot's budget. `spent` is the sum of its decisions, kept on the row so a
    decision can lock the row and check the balance; the database refuses spent > amount."""

    pilot = models.ForeignKey(
        BudgetPilot, on_delete=models.CASCADE, related_name="lines", verbose_name=_("experiment")
    )
    kind = models.CharField(_("begrotingspost"), max_length=20, choices=BudgetLineKind.choices)
    amount = models.DecimalField(_("budget (euro)"), **MONEY, validators=[MinValueValidator(0)])
    spent = models.DecimalField(_("besteed (euro)"), **MONEY, default=ZERO, editable=False)

    class Meta:
        ordering = ["pilot", "kind"]
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        constraints = [
            models.UniqueConstraint(fields=["pilot", "kind"], name="one_line_per_kind"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="line_amount_not_negative"),
            models.CheckConstraint(condition=Q(spent__gte=0), name="line_spent_not_negative"),
            # The last line of defence against an overdraw, whatever path wrote the row.
            models.CheckConstraint(condition=Q(spent__lte=F("amount")), name="line_not_overdrawn"),
        ]

    def __str__(self) -> str:
        return f"{self.pilot}: {self.get_kind_display()}"

    @property
    def balance(self) -> Decimal:
        return self.amount - self.spent

    def clean(self):
        if self.amount is not None and self.amount < (self.spent or ZERO):
            raise ValidationError(
                {
                    "amount": _(
                        "Het budget kan niet lager zijn dan wat al is besteed (€ %(spent)s)."
                    )
                    % {"spent": self.spent}
                }
            )


DECISION_DOCUMENT_EXTENSIONS = ("pdf", "odt", "docx")
DECISION_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024


class BudgetDecision(models.Model):
    """A spending decision of the pilot wijkraad's board, against one budget line."""

    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("post")
    )
    decided_on = models.DateField(_("datum besluit"))
    amount = models.DecimalField(_("bedrag (euro)"), **MONEY)
    purpose = models.CharField(_("doel"), max_length=300)
    recipient = models.CharField(_("ontvanger"), max_length=200)
    document = models.FileField(
        _("besluitdocument"), upload_to="beheerexperiment/besluiten/%Y/", blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("bestedingsbesluit")
        verbose_name_plural = _("bestedingsbesluiten")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="decision_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.decided_on}: {self.purpose} (€ {self.amount})"


# ---------------------------------------------------------------------------------------------
# Right to challenge (uitdaagrecht)
# ---------------------------------------------------------------------------------------------


class ProposalStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend")
    ADMISSIBLE = "ontvankelijk", _("ontvankelijk")
    ASSESSING = "beoordeling", _("in beoordeling")
    GRANTED = "toegekend", _("toegekend")
    REJECTED = "afgewezen", _("afgewezen")
    RUNNING = "uitvoering", _("in uitvoering")
    EVALUATED = "geevalueerd", _("geëvalueerd")


PROPOSAL_TRANSITIONS: dict[str, tuple[str, ...]] = {
    # A proposal that is not admissible is rejected straight away, with a motivation.
    ProposalStatus.SUBMITTED: (ProposalStatus.ADMISSIBLE, ProposalStatus.REJECTED),
    ProposalStatus.ADMISSIBLE: (ProposalStatus.ASSESSING,),
    ProposalStatus.ASSESSING: (ProposalStatus.GRANTED, ProposalStatus.REJECTED),
    ProposalStatus.GRANTED: (ProposalStatus.RUNNING,),
    ProposalStatus.RUNNING: (ProposalStatus.EVALUATED,),
    ProposalStatus.REJECTED: (),
    ProposalStatus.EVALUATED: (),
}
PROPOSAL_MOTIVATION_REQUIRED = (ProposalStatus.GRANTED, ProposalStatus.REJECTED)
PROPOSAL_UNDECIDED = (ProposalStatus.SUBMITTED, ProposalStatus.ADMISSIBLE, ProposalStatus.ASSESSING)


class ChallengeField(models.TextChoices):
    SOCIAL = "sociaal", _("sociaal domein en welzijn")
    PUBLIC_SPACE = "openbare_ruimte", _("beheer openbare ruimte")
    GREEN = "groen", _("groen en natuur")
    SPORT_CULTURE = "sport_cultuur", _("sport en cultuur")
    OTHER = "overig", _("overig")


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
    field = models.CharField(_("terrein"), max_length=20, choices=ChallengeField.choices)
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
        return PROPOSAL_TRANSITIONS[self.status]

    @property
    def criteria(self) -> list[tuple[str, bool | None]]:
        return [
            (_("niet duurder"), self.not_more_expensive),
            (_("minstens dezelfde kwaliteit"), self.at_least_same_quality),
            (_("aantoonbaar draagvlak in de wijk"), self.demonstrable_support),
        ]


class ProposalTransition(models.Model):
    proposal = models.ForeignKey(
        ChallengeProposal,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("voorstel"),
    )
    from_status = models.CharField(_("van"), max_length=20, choices=ProposalStatus.choices)
    to_status = models.CharField(_("naar"), max_length=20, choices=ProposalStatus.choices)
    at = models.DateTimeField(_("op"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    reason = models.TextField(_("toelichting"), blank=True, max_length=5000)

    class Meta:
        ordering = ["proposal", "at", "pk"]
        verbose_name = _("statuswijziging voorstel")
        verbose_name_plural = _("statuswijzigingen voorstellen")

    def __str__(self) -> str:
        return f"{self.proposal}: {self.get_from_status_display()} → {self.get_to_status_display()}"


# ---------------------------------------------------------------------------------------------
# Support (ondersteuning)
# ---------------------------------------------------------------------------------------------


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

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("contracts:supportrequest-detail", kwargs={"pk": self.pk})
