"""Wijkcontracten (recommendation 9): agreements between the municipality, a wijkraad and
partners, with their parties, commitments (afspraken) and the dated, signed steps through the
contract's states. The transition table is CONTRACT_MACHINE, next to the model."""

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

from wijkportaal.core.money import MONEY_FIELD as MONEY
from wijkportaal.core.money import ZERO
from wijkportaal.core.states import StateMachine, TransitionRecord
from wijkportaal.permissions import current_council_ids, is_staff_member
from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil


class ContractStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("aangevraagd")
    EXPLORING = "verkenning", _("verkenning")
    PREPARING = "voorbereiding", _("in voorbereiding")
    SIGNED = "getekend", _("getekend (lopend)")
    EVALUATED = "geevalueerd", _("geëvalueerd")
    CLOSED = "afgesloten", _("afgesloten")
    REJECTED = "afgewezen", _("afgewezen")
    WITHDRAWN = "ingetrokken", _("ingetrokken")


# The only moves a contract can make. Anything else (skipping a step, going back) is refused;
# rejecting, withdrawing and closing need a written reason.
CONTRACT_MACHINE = StateMachine(
    ContractStatus,
    {
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
    },
    reason_required=(ContractStatus.REJECTED, ContractStatus.WITHDRAWN, ContractStatus.CLOSED),
    noun=_("Een wijkcontract"),
)

# Everyone sees these; the others are internal to the wijkraad's board and the officers.
CONTRACT_PUBLIC_STATUSES = (
    ContractStatus.SIGNED,
    ContractStatus.EVALUATED,
    ContractStatus.CLOSED,
)
CONTRACT_DRAFT_STATUSES = tuple(s for s in ContractStatus if s not in CONTRACT_PUBLIC_STATUSES)


class ContractOrigin(models.TextChoices):
    """Who started the contract: a wijkraad's board through the portal's request form, or the
    municipality (an officer in the admin). Only the first counts for recommendation 9."""

    COUNCIL_REQUEST = "verzoek_wijkraad", _("op verzoek van de wijkraad")
    MUNICIPALITY = "gemeente", _("door de gemeente aangemaakt")


class Renewal(models.TextChoices):
    NONE = "geen", _("geen verlenging")
    AFTER_EVALUATION = "na_evaluatie", _("verlenging na evaluatie")
    AUTOMATIC = "stilzwijgend", _("stilzwijgende verlenging")


class ContractQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=CONTRACT_PUBLIC_STATUSES)

    def visible_to(self, user):
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
    origin = models.CharField(
        _("herkomst"),
        max_length=20,
        choices=ContractOrigin.choices,
        default=ContractOrigin.MUNICIPALITY,
        help_text=_("Alleen een aanvraag van de wijkraad via het portaal telt als verzoek."),
    )
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
        return CONTRACT_MACHINE.targets(self.status)

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


class ContractTransition(TransitionRecord):
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
