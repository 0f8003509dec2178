from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Every form renders through one accessible field template: label, help text and
    error linked to the input with aria-describedby, errors beside the field, in Dutch."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
