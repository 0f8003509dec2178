from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SupportOffer, SupportRequestStatus


class SupportRequestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    offer = forms.ModelChoiceField(
        label=_("Ondersteuning"),
        queryset=SupportOffer.objects.filter(active=True).order_by("kind", "order", "title"),
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


class SupportHandleForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SupportRequestStatus.choices)
    answer = forms.CharField(
        label=_("Antwoord aan de wijkraad"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
