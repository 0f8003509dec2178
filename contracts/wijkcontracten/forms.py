from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.forms import DateInput, TransitionForm

from .models import CONTRACT_MACHINE, CommitmentStatus, ContractStatus, Renewal

THEME_CHOICES = [
    ("maintenance", _("beheer van de wijk")),
    ("development", _("ontwikkeling van de wijk")),
    ("social", _("sociaal")),
]


class ContractRequestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Waar moet het contract over gaan?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Welke afspraken wil de wijkraad maken over beheer en ontwikkeling?"),
    )
    themes = forms.MultipleChoiceField(
        label=_("Thema's"), choices=THEME_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.CharField(
        label=_("Partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Andere partijen, zoals een woningcorporatie. Eén per regel."),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean_partners(self):
        return [line.strip() for line in self.cleaned_data["partners"].splitlines() if line.strip()]


class ContractTransitionForm(TransitionForm):
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij afwijzen, intrekken en afsluiten."),
    )

    def __init__(self, *args, contract, withdraw_only=False, **kwargs):
        super().__init__(*args, machine=CONTRACT_MACHINE, current=contract.status, **kwargs)
        if withdraw_only:
            # The wijkraad's board may only withdraw its own request.
            field = self.fields["to_status"]
            field.choices = [c for c in field.choices if c[0] == ContractStatus.WITHDRAWN]


class ContractTermForm(forms.Form):
    start_date = forms.DateField(label=_("Ingangsdatum"), required=False, widget=DateInput)
    end_date = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput)
    renewal = forms.ChoiceField(label=_("Verlenging"), choices=Renewal.choices)


class CommitmentForm(forms.Form):
    party = forms.ModelChoiceField(label=_("Partij"), queryset=None)
    what = forms.CharField(
        label=_("Afspraak"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_date = forms.DateField(label=_("Uiterlijk op"), widget=DateInput)

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = contract.parties.select_related("council", "department")


class CommitmentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    evidence = forms.CharField(
        label=_("Bewijs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als de afspraak is nagekomen."),
    )
