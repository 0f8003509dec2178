from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.forms import DateInput
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import OUTCOME_MAX_LENGTH, REPLY_MAX_LENGTH, SUMMARY_MAX_LENGTH, VIEW_MAX_LENGTH


class DecisionForm(forms.Form):
    """The officer's form; the service checks the rules (the outcome only from the date on)."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    summary = forms.CharField(
        label=_("Samenvatting"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": SUMMARY_MAX_LENGTH}),
        help_text=_("Waar gaat de keuze over, en wat betekent ze voor de wijken?"),
    )
    decision_date = forms.DateField(label=_("Besluitdatum van de raad"), widget=DateInput())
    link = forms.URLField(
        label=_("Link naar het raadsinformatiesysteem"),
        required=False,
        assume_scheme="https",
    )
    councils = forms.ModelMultipleChoiceField(
        label=_("Betrokken wijkraden"),
        queryset=NeighbourhoodCouncil.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hun besturen krijgen bericht en worden om een zienswijze gevraagd."),
    )
    outcome = forms.CharField(
        label=_("Uitkomst"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": OUTCOME_MAX_LENGTH}),
        help_text=_("Wat besloot de raad? In te vullen vanaf de besluitdatum."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councils"].queryset = NeighbourhoodCouncil.objects.active().order_by("name")


class ViewpointForm(forms.Form):
    council = forms.ModelChoiceField(
        label=_("Namens wijkraad"), queryset=NeighbourhoodCouncil.objects.none(), empty_label=None
    )
    text = forms.CharField(
        label=_("Zienswijze van de wijkraad"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": VIEW_MAX_LENGTH}),
        help_text=_("Tot en met de dag vóór het besluit kunt u de zienswijze aanpassen."),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Uw reactie"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REPLY_MAX_LENGTH}),
    )


class VisitForm(forms.Form):
    council = forms.ModelChoiceField(
        label=_("Wijkraad"), queryset=NeighbourhoodCouncil.objects.none()
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    topic = forms.CharField(label=_("Onderwerp"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = NeighbourhoodCouncil.objects.active().order_by("name")
