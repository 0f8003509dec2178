from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

# The Utrecht form control each kind of widget is (NL Design System), and its invalid state.
TEXTBOX_TYPES = {
    "text",
    "email",
    "url",
    "password",
    "number",
    "search",
    "tel",
    "date",
    "datetime-local",
    "time",
}


def utrecht_control(widget) -> str | None:
    """The Utrecht component of a widget: textbox, textarea, select or checkbox; None for
    the rest (hidden, file, radio and checkbox lists) and for the admin's own widgets."""
    if type(widget).__module__.startswith("django.contrib.admin"):
        return None
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        return "utrecht-select utrecht-select--html-select"
    if isinstance(widget, forms.CheckboxInput):
        return "utrecht-checkbox utrecht-checkbox--html-input"
    if isinstance(widget, forms.widgets.Input) and widget.input_type in TEXTBOX_TYPES:
        return "utrecht-textbox utrecht-textbox--html-input"
    return None


def utrecht_option_template(widget) -> str | None:
    """The template of one choice in a list of radio buttons or checkboxes: a small Utrecht
    form field (`utrecht-radio-button` / `utrecht-checkbox` with its own label); None for the
    admin's own widgets, which keep Django's."""
    if type(widget).__module__.startswith("django.contrib.admin"):
        return None
    if isinstance(widget, forms.CheckboxSelectMultiple):  # a subclass of RadioSelect
        return "forms/widgets/checkbox_option.html"
    if isinstance(widget, forms.RadioSelect):
        return "forms/widgets/radio_option.html"
    return None


class PortalBoundField(forms.BoundField):
    """A field whose input carries the Utrecht component classes (and `--invalid` with an
    error) besides any class the form gives it; radio buttons and checkbox lists render each
    choice as a Utrecht radio button or checkbox (the field is the form's own copy)."""

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        option_template = utrecht_option_template(field.widget)
        if option_template:
            field.widget.option_template_name = option_template

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        control = utrecht_control(widget)
        if control:
            block = control.split()[0]
            classes = [widget.attrs.get("class", ""), attrs.get("class", ""), control]
            if self.errors:
                classes.append(f"{block}--invalid")
            attrs["class"] = " ".join(dict.fromkeys(" ".join(classes).split()))
        return attrs


class PortalFormRenderer(TemplatesSetting):
    """Every form renders through one accessible field template: label, help text and
    error linked to the input with aria-describedby, errors beside the field, in Dutch; the
    inputs are Utrecht form controls."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
    bound_field_class = PortalBoundField


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
