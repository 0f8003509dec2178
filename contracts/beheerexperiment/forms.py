from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.forms import DateInput


class BudgetDecisionForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Begrotingspost"), queryset=None, empty_label=None)
    decided_on = forms.DateField(label=_("Datum besluit"), widget=DateInput)
    # Text, not a number field: the service parses euros and cents exactly (comma or point).
    amount = forms.CharField(
        label=_("Bedrag in euro"),
        max_length=20,
        help_text=_("Bijvoorbeeld 1250,50. Hoogstens het saldo van de post."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    purpose = forms.CharField(label=_("Doel"), max_length=300)
    recipient = forms.CharField(label=_("Ontvanger"), max_length=200)
    document = forms.FileField(
        label=_("Besluitdocument"),
        required=False,
        help_text=_("PDF, ODT of DOCX, hoogstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx"}),
    )

    def __init__(self, *args, pilot, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = pilot.lines.order_by("kind")
        self.fields["line"].label_from_instance = lambda line: line.get_kind_display()


class ReversalForm(forms.Form):
    # Text, not a number field: the service parses euros and cents exactly.
    amount = forms.CharField(
        label=_("Bedrag van de correctie in euro"),
        max_length=20,
        help_text=_("Hoogstens wat van het besluit nog niet gecorrigeerd is."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    reason = forms.CharField(
        label=_("Reden van de correctie"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Deze reden staat openbaar bij de bestedingen."),
    )


class PilotInterestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    motivation = forms.CharField(
        label=_("Waarom wil uw wijkraad meedoen?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class ParticipationDecisionForm(forms.Form):
    admit = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("ja", _("Toelaten")), ("nee", _("Afwijzen"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij afwijzen. De wijkraad krijgt deze toelichting per e-mail."),
    )
