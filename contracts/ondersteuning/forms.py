from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SupportKind, SupportOffer, SupportRequestStatus


class SupportRequestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    offer = forms.ModelChoiceField(
        label=_("Ondersteuning"),
        # Money from the Leefbaarheid & initiatiefbudget has its own form (amount, purpose).
        queryset=SupportOffer.objects.filter(active=True)
        .exclude(kind=SupportKind.BUDGET)
        .order_by("kind", "order", "title"),
        required=False,
        empty_label=_("iets anders"),
    )
    subject = forms.CharField(label=_("Onderwerp"), max_length=200)
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Waarmee kan de gemeente of een welzijnsorganisatie u helpen?"),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class BudgetRequestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    subject = forms.CharField(label=_("Onderwerp"), max_length=200)
    purpose = forms.CharField(
        label=_("Doel"),
        max_length=500,
        help_text=_("Waarvoor is het geld? Bijvoorbeeld: een buurtfeest op het Tulpenplein."),
    )
    # Parsed by the service (a comma or a point), so the error is the same everywhere.
    amount = forms.CharField(
        label=_("Bedrag in euro"),
        max_length=20,
        help_text=_("Bijvoorbeeld 750 of 1250,50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    question = forms.CharField(
        label=_("Uw plan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Wat gaat u doen, met wie, en hoe is het bedrag opgebouwd?"),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class SupportHandleForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SupportRequestStatus.choices)
    answer = forms.CharField(
        label=_("Antwoord aan de wijkraad"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
