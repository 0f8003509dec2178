"""The budget pilot (beheerexperiment, recommendation 2): a wijkraad manages a yearly budget
itself, in lines per kind of spending, and records each spending decision of its board."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.history import AuditHistory
from wijkportaal.core.money import MONEY_FIELD as MONEY
from wijkportaal.core.money import ZERO, format_money
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

DEFAULT_PILOT_CAP = 2


class PilotRound(models.Model):
    """One round of the budget pilot: the letter proposes one or two interested wijkraden.
    Wijkraden register interest; an officer admits them up to `cap` (checked in the service
    under a row lock on the round, so two admissions at once cannot pass it)."""

    year = models.PositiveSmallIntegerField(_("jaar"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True, max_length=4000)
    cap = models.PositiveSmallIntegerField(
        _("maximum aantal wijkraden"),
        default=DEFAULT_PILOT_CAP,
        validators=[MinValueValidator(1)],
        help_text=_("Hoeveel wijkraden aan deze ronde kunnen meedoen."),
    )
    interest_open = models.BooleanField(_("aanmelden mogelijk"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("ronde beheerexperiment")
        verbose_name_plural = _("rondes beheerexperiment")
        constraints = [
            models.CheckConstraint(condition=Q(cap__gte=1), name="pilot_round_cap_positive"),
            models.CheckConstraint(condition=Q(year__gte=2000), name="pilot_round_year_plausible"),
        ]

    def __str__(self) -> str:
        return self.title


class ParticipationStatus(models.TextChoices):
    INTERESTED = "aangemeld", _("aangemeld")
    ADMITTED = "toegelaten", _("toegelaten")
    DECLINED = "afgewezen", _("afgewezen")


class PilotParticipation(models.Model):
    """A wijkraad's interest in a pilot round and the officer's decision on it."""

    round = models.ForeignKey(
        PilotRound,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("ronde"),
    )
    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        related_name="pilot_participations",
        verbose_name=_("wijkraad"),
    )
    motivation = models.TextField(_("waarom de wijkraad wil meedoen"), max_length=4000)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("aangemeld door"),
    )
    registered_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.INTERESTED,
        db_index=True,
    )
    decision_reason = models.TextField(_("toelichting op het besluit"), blank=True, max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["round", "registered_at", "pk"]
        verbose_name = _("aanmelding beheerexperiment")
        verbose_name_plural = _("aanmeldingen beheerexperiment")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "council"], name="one_participation_per_round_council"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} ({self.round})"


class BudgetPilot(models.Model):
    """A yearly budget that one wijkraad manages itself in the pilot (an admitted participant
    of a round gets one)."""

    council = models.ForeignKey(
        NeighbourhoodCouncil,
        on_delete=models.PROTECT,
        related_name="budget_pilots",
        verbose_name=_("wijkraad"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    round = models.ForeignKey(
        PilotRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("ronde"),
    )
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
    """One line of a pilot's budget. `spent` is the sum of its decisions, recomputed from them
    by every service that writes one (services.budget_line_recompute); it is kept on the row so
    a decision can lock the row and check the balance, and the database refuses spent > amount."""

    pilot = models.ForeignKey(
        BudgetPilot, on_delete=models.CASCADE, related_name="lines", verbose_name=_("experiment")
    )
    kind = models.CharField(_("begrotingspost"), max_length=20, choices=BudgetLineKind.choices)
    amount = models.DecimalField(_("budget (euro)"), **MONEY, validators=[MinValueValidator(0)])
    spent = models.DecimalField(_("besteed (euro)"), **MONEY, default=ZERO, editable=False)
    # Who changed the budget and when; `spent` follows the (append-only) decisions with
    # update(), which writes no history row. Kept AUDIT_RETENTION_DAYS.
    history = AuditHistory()

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
                    "amount": _("Het budget kan niet lager zijn dan wat al is besteed (%(spent)s).")
                    % {"spent": format_money(self.spent)}
                }
            )


DECISION_DOCUMENT_EXTENSIONS = ("pdf", "odt", "docx")
DECISION_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024


def signed_amount_expression(path: str = ""):
    """A decision's effect on the ledger as a database expression: a decision adds its amount,
    a reversal takes it off. `path` reaches the decision from another model ("decisions__").
    The one place this rule lives for queries; `BudgetDecision.signed_amount` is the same in
    Python."""
    return Case(
        When(**{f"{path}reverses__isnull": True}, then=F(f"{path}amount")),
        default=-F(f"{path}amount"),
        output_field=models.DecimalField(**MONEY),
    )


class BudgetDecision(models.Model):
    """A spending decision of the pilot wijkraad's board, against one budget line; or a
    reversing entry that corrects (part of) an earlier decision. Entries are never edited or
    deleted: a wrong decision is corrected by a reversal with a reason, and the ledger counts
    a reversal's amount negatively (`signed_amount`)."""

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
    reverses = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversals",
        verbose_name=_("corrigeert besluit"),
    )
    reason = models.TextField(_("reden van de correctie"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("bestedingsbesluit")
        verbose_name_plural = _("bestedingsbesluiten")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="decision_amount_positive"),
            # A reversal always says why.
            models.CheckConstraint(
                condition=Q(reverses__isnull=True) | ~Q(reason=""),
                name="decision_reversal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decided_on}: {self.purpose} ({format_money(self.signed_amount)})"

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None

    @property
    def signed_amount(self) -> Decimal:
        return -self.amount if self.is_reversal else self.amount
