"""A fix for Django admin's autocomplete widget (autocomplete_fields).

When an admin form with an autocomplete field is posted with a value that is not a valid key
(e.g. "abc" for an integer id) and shown again with its errors, Django 5.2's
AutocompleteMixin.optgroups filters the queryset with the raw value and raises ValueError: a
500 instead of the form's own "select a valid choice" error. Found by tests/test_hostile_input.py.
We drop values the target field cannot parse before Django looks them up."""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError

_original_optgroups = AutocompleteMixin.optgroups


def _parsable(widget, values):
    remote = widget.field.remote_field
    target = remote.model._meta.get_field(
        getattr(remote, "field_name", None) or remote.model._meta.pk.name
    )
    kept = []
    for value in values:
        try:
            parsed = target.to_python(value)
        except (ValidationError, ValueError, TypeError):
            continue
        # An id beyond a 64-bit integer cannot name a row (and SQLite overflows on it).
        if isinstance(parsed, int) and not -(2**63) <= parsed < 2**63:
            continue
        kept.append(value)
    return kept


def optgroups(self, name, value, attr=None):
    return _original_optgroups(self, name, _parsable(self, value), attr)


def install() -> None:
    if AutocompleteMixin.optgroups is not optgroups:
        AutocompleteMixin.optgroups = optgroups
