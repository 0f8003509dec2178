from django import forms
from django.forms.renderers import TemplatesSetting


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
