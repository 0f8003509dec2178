"""Explicit state machines: a table of allowed transitions next to the model, one check used by
every service, and one dated, signed record of every step.

    CONTRACT_MACHINE = StateMachine(
        ContractStatus,
        {ContractStatus.REQUESTED: (ContractStatus.EXPLORING, ...), ...},
        reason_required=(ContractStatus.REJECTED, ...),
        noun=_("Een wijkcontract"),
    )

    # in the service, with the object locked:
    record = CONTRACT_MACHINE.apply(contract, to=..., actor=..., reason=...,
                                    record=ContractTransition, record_for="contract")

A record model subclasses `TransitionRecord` and adds the foreign key to its object (and may
override the status fields to give them choices)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

REASON_MAX_LENGTH = 5000


class TransitionRecord(models.Model):
    """One dated, signed step of an object through its states (append-only)."""

    from_status = models.CharField(_("van"), max_length=20, blank=True)
    to_status = models.CharField(_("naar"), max_length=20)
    at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    reason = models.TextField(_("reden"), blank=True, max_length=REASON_MAX_LENGTH)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]


class StateMachine:
    def __init__(
        self,
        states: type[models.TextChoices],
        transitions: Mapping[str, Iterable[str]],
        *,
        reason_required: Iterable[str] = (),
        noun=None,
        field: str = "status",
        changed_at_field: str | None = "status_changed_at",
        reason_max_length: int = 2000,
        reason_field: str = "reason",
        reason_message=None,
    ) -> None:
        self.states = states
        self.transitions = {
            str(state): tuple(map(str, targets)) for state, targets in transitions.items()
        }
        missing = set(states.values) - set(self.transitions)
        if missing:
            raise ValueError(f"No transitions listed for {sorted(missing)}")
        # A target state ("afgewezen"), or a (from, to) pair where only that move needs one.
        self.reason_required = frozenset(
            tuple(map(str, item)) if isinstance(item, tuple) else str(item)
            for item in reason_required
        )
        self.noun = noun or _("Dit onderdeel")
        self.field = field
        self.changed_at_field = changed_at_field
        self.reason_max_length = reason_max_length
        # What the form calls the reason (a challenge proposal's "motivation") and what it says
        # when a required reason is missing.
        self.reason_field = reason_field
        self.reason_message = reason_message or _("Geef een reden op voor deze stap.")

    def label(self, state: str) -> str:
        return str(self.states(state).label) if state in self.states.values else str(state)

    def targets(self, current: str) -> tuple[str, ...]:
        return self.transitions.get(str(current), ())

    def can(self, current: str, target: str) -> bool:
        return str(target) in self.targets(current)

    def is_final(self, state: str) -> bool:
        return not self.targets(state)

    def choices(self, current: str) -> list[tuple[str, str]]:
        """The (value, label) pairs a form offers for the next step."""
        return [(target, self.label(target)) for target in self.targets(current)]

    def check(
        self,
        current: str,
        target: str,
        reason: str = "",
        *,
        field: str = "to_status",
        reason_field: str | None = None,
    ) -> str:
        """Raise ValidationError (keyed by `field` / `reason_field`) unless `current → target`
        is allowed and carries the reason it needs. Returns the cleaned reason. A target that
        is no state at all is refused like any other move that is not in the table, with the
        moves that are possible."""
        reason_field = reason_field or self.reason_field
        if not self.can(current, target):
            possible = ", ".join(self.label(state) for state in self.targets(current))
            raise ValidationError(
                {
                    field: gettext(
                        "%(noun)s met status ‘%(current)s’ kan niet naar ‘%(new)s’. "
                        "Mogelijk: %(possible)s."
                    )
                    % {
                        "noun": self.noun,
                        "current": self.label(current),
                        "new": self.label(target),
                        "possible": possible or gettext("geen, de status is definitief"),
                    }
                }
            )
        reason = (reason or "").strip()
        needs_reason = target in self.reason_required or (
            (str(current), str(target)) in self.reason_required
        )
        if needs_reason and not reason:
            raise ValidationError({reason_field: str(self.reason_message)})
        if len(reason) > self.reason_max_length:
            raise ValidationError(
                {
                    reason_field: gettext("Hoogstens %(max)s tekens, alstublieft.")
                    % {"max": self.reason_max_length}
                }
            )
        return reason

    def apply(
        self,
        obj: models.Model,
        *,
        to: str,
        actor,
        record: type[TransitionRecord],
        record_for: str,
        reason: str = "",
        at: datetime.datetime | None = None,
        extra_update_fields: Iterable[str] = (),
        record_fields: Mapping | None = None,
    ) -> TransitionRecord:
        """Check and make the move on `obj` (which the caller has locked), save it and write
        the record (`record_for` names the record's foreign key to `obj`; `record_fields` fills
        the record model's own extra fields)."""
        current = getattr(obj, self.field)
        reason = self.check(current, to, reason)
        at = at or timezone.now()
        entry = record.objects.create(
            **(record_fields or {}),
            **{record_for: obj},
            from_status=current,
            to_status=to,
            at=at,
            by=actor,
            reason=reason,
        )
        setattr(obj, self.field, to)
        update_fields = [self.field, *extra_update_fields]
        if self.changed_at_field:
            setattr(obj, self.changed_at_field, at)
            update_fields.append(self.changed_at_field)
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            update_fields.append("updated_at")
        obj.save(update_fields=update_fields)
        return entry

    def table_html(self):
        """The transition table for the admin ("van" → "mag naar")."""
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("van"),
            _("mag naar"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td></tr>",
                (
                    (self.label(state), ", ".join(map(self.label, targets)) or "—")
                    for state, targets in self.transitions.items()
                ),
            ),
        )
