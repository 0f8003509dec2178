"""Every form of the portal renders its inputs as Utrecht form controls (textbox, textarea,
select, checkbox, radio button), with the --invalid modifier beside an error; a list of choices
is a Utrecht fieldset with a legend; help text and errors are Utrecht field descriptions and
error messages tied to the input; the admin keeps its own."""

import re

from django import forms
from django.contrib.admin import widgets as admin_widgets

from wijkportaal.core.forms import DateInput


class ExampleForm(forms.Form):
    name = forms.CharField(label="Naam", widget=forms.TextInput(attrs={"class": "eigen"}))
    email = forms.EmailField(label="E-mail")
    day = forms.DateField(label="Dag", widget=DateInput)
    text = forms.CharField(label="Tekst", widget=forms.Textarea)
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")])
    agree = forms.BooleanField(label="Akkoord")
    choice = forms.ChoiceField(label="Keuze", choices=[("a", "A")], widget=forms.RadioSelect)
    upload = forms.FileField(label="Bestand", required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    admin_text = forms.CharField(widget=admin_widgets.AdminTextInputWidget, required=False)


def classes_of(form, name) -> list[str]:
    html = str(form[name])
    start = html.find('class="')
    if start < 0:
        return []
    return html[start + 7 : html.find('"', start + 7)].split()


def test_inputs_are_utrecht_form_controls():
    form = ExampleForm()

    assert classes_of(form, "name") == ["eigen", "utrecht-textbox", "utrecht-textbox--html-input"]
    assert classes_of(form, "email") == ["utrecht-textbox", "utrecht-textbox--html-input"]
    assert classes_of(form, "day") == ["utrecht-textbox", "utrecht-textbox--html-input"]
    assert classes_of(form, "text") == ["utrecht-textarea", "utrecht-textarea--html-textarea"]
    assert classes_of(form, "kind") == ["utrecht-select", "utrecht-select--html-select"]
    assert classes_of(form, "agree") == ["utrecht-checkbox", "utrecht-checkbox--html-input"]
    assert classes_of(form, "choice")[:2] == ["utrecht-form-field", "utrecht-form-field--radio"]
    assert classes_of(form, "upload") == []
    assert classes_of(form, "hidden") == []
    assert classes_of(form, "admin_text") == ["vTextField"]


def test_a_field_with_an_error_is_marked_invalid():
    form = ExampleForm(data={"email": "geen-adres", "kind": "a", "agree": "on"})
    assert not form.is_valid()

    assert "utrecht-textbox--invalid" in classes_of(form, "email")
    assert 'aria-invalid="true"' in str(form["email"])
    assert "utrecht-select--invalid" not in classes_of(form, "kind")


class ChoicesForm(forms.Form):
    kind = forms.ChoiceField(
        label="Soort reactie",
        choices=[("steun", "Steun"), ("zorg", "Zorg")],
        widget=forms.RadioSelect,
        help_text="Kies er een.",
    )
    topics = forms.MultipleChoiceField(
        label="Onderwerpen",
        choices=[("groen", "Groen"), ("verkeer", "Verkeer")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    admin_kind = forms.ChoiceField(
        choices=[("a", "A")], widget=admin_widgets.AdminRadioSelect, required=False
    )


def test_radio_buttons_are_a_utrecht_fieldset_with_a_legend_description_and_error():
    form = ChoicesForm(data={"kind": "onzin"})
    assert not form.is_valid()
    html = form["kind"].as_field_group()

    fieldset = re.search(r"<fieldset ([^>]*)>", html).group(1)
    assert 'class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"' in fieldset
    assert 'aria-describedby="id_kind_helptext id_kind_error"' in fieldset
    assert re.search(r'<legend class="utrecht-form-fieldset__legend[^"]*">Soort reactie', html)
    assert re.search(
        r'class="utrecht-form-field-description[^"]*" id="id_kind_helptext">Kies er een.', html
    )
    assert re.search(r'class="utrecht-form-field-error-message[^"]*" id="id_kind_error">', html)
    assert "utrecht-form-field--invalid" in html
    # Each choice: a Utrecht radio button with its own label, the chosen value kept.
    radios = re.findall(r"<input [^>]*>", html)
    assert len(radios) == 2
    for radio in radios:
        assert 'class="utrecht-radio-button utrecht-radio-button--html-input"' in radio
        assert radio.count("class=") == 1
    label = '<label class="utrecht-form-label utrecht-form-label--radio" for="id_kind_0">'
    assert label + "Steun</label>" in html


def test_a_checked_choice_stays_checked_and_checkbox_lists_are_utrecht_checkboxes():
    form = ChoicesForm(data={"kind": "zorg", "topics": ["verkeer"]})
    assert form.is_valid()

    kind = str(form["kind"])
    assert re.search(r'<input type="radio" name="kind"[^>]*value="zorg"[^>]*checked', kind)
    assert not re.search(r'value="steun"[^>]*checked', kind)
    topics = str(form["topics"])
    assert re.search(
        r'<input type="checkbox" name="topics"'
        r' class="utrecht-checkbox utrecht-checkbox--html-input" value="verkeer"[^>]*checked',
        topics,
    )
    assert 'class="utrecht-form-label utrecht-form-label--checkbox" for="id_topics_1">Verkeer' in (
        topics
    )


def test_the_admins_radio_buttons_keep_djangos_own():
    html = str(ChoicesForm()["admin_kind"])
    assert "utrecht-" not in html
    assert '<label for="id_admin_kind_0"><input type="radio"' in html
