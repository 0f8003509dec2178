"""Every form of the portal renders its inputs as Utrecht form controls (textbox, textarea,
select, checkbox), with the --invalid modifier beside an error; the admin keeps its own."""

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
    assert classes_of(form, "choice") == []
    assert classes_of(form, "upload") == []
    assert classes_of(form, "hidden") == []
    assert classes_of(form, "admin_text") == ["vTextField"]


def test_a_field_with_an_error_is_marked_invalid():
    form = ExampleForm(data={"email": "geen-adres", "kind": "a", "agree": "on"})
    assert not form.is_valid()

    assert "utrecht-textbox--invalid" in classes_of(form, "email")
    assert 'aria-invalid="true"' in str(form["email"])
    assert "utrecht-select--invalid" not in classes_of(form, "kind")
