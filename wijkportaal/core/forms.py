from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class PortalFormRenderer(TemplatesSetting):
    """Every form renders through one accessible field template: label, help text and
    error linked to the input with aria-describedby, errors beside the field, in Dutch."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    """A date field as the browser's date picker (<input type="date">, ISO value)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TransitionForm(forms.Form):
    """The next step of an object through a `StateMachine` (core/states.py): the form offers
    the moves the table allows from `current`; subclasses add the field for the reason."""

    to_status = forms.ChoiceField(label=_("Nieuwe status"))

    def __init__(self, *args, machine, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = machine.choices(current)
        # Any posted value goes to the service, which refuses a move outside the table with a
        # message that names the possible ones.
        self.fields["to_status"].valid_value = lambda value: True
