"""Checks services run on their input before they write.

A service checks every field before it refuses, so the form shows all problems at once:

    errors = FieldErrors()
    with errors.collect():
        title = clean_text(title, field="title", label=_("een titel"), max_length=200)
    if not themes:
        errors.add("themes", _("Kies minstens één thema."))
    errors.raise_if_any()

The ValidationError it raises is keyed by field; `core.web.apply_errors` puts it on the form."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext


def clean_text(
    value,
    *,
    field: str,
    max_length: int,
    label="",
    required: bool = True,
    missing=None,
) -> str:
    """The text without surrounding white space. Raises ValidationError keyed by `field` when
    it is empty but required ("Vul <label> in.", or the `missing` message) or too long."""
    value = (value or "").strip()
    if required and not value:
        message = missing or gettext("Vul %(label)s in.") % {"label": label}
        raise ValidationError({field: str(message)})
    if len(value) > max_length:
        raise ValidationError(
            {field: gettext("Hoogstens %(max)s tekens, alstublieft.") % {"max": max_length}}
        )
    return value


class FieldErrors:
    """The field errors of several checks, raised together as one ValidationError."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = {}

    def add(self, field: str, message) -> None:
        self.messages.setdefault(field, []).append(str(message))

    def __contains__(self, field: str) -> bool:
        return field in self.messages

    def __bool__(self) -> bool:
        return bool(self.messages)

    @contextmanager
    def collect(self) -> Iterator[None]:
        """Run a check; keep the ValidationError it raises instead of passing it on."""
        try:
            yield
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add(field, message)
            else:
                for message in error.messages:
                    self.add(NON_FIELD_ERRORS, message)

    def raise_if_any(self) -> None:
        if self.messages:
            raise ValidationError(self.messages)
