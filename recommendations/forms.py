from django import forms
from django.utils.translation import gettext_lazy as _

from .services import HIDE_REASON_MAX_LENGTH, REACTION_MAX_LENGTH


class ReactionForm(forms.Form):
    text = forms.CharField(
        label=_("Uw reactie"),
        help_text=_("Hoogstens 2000 tekens. Uw reactie verschijnt met de naam van uw wijkraad."),
        widget=forms.Textarea(attrs={"rows": 5}),
        # The service gives the Dutch messages; the form only carries the text.
        required=False,
        strip=False,
    )

    def __init__(self, *args, councils=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["maxlength"] = REACTION_MAX_LENGTH
        if councils and len(councils) > 1:
            self.fields["council"] = forms.ModelChoiceField(
                queryset=councils, label=_("Namens wijkraad"), empty_label=None
            )


class ReactionHideForm(forms.Form):
    hidden_reason = forms.CharField(
        label=_("Reden van verbergen"),
        help_text=_("De reden staat openbaar op de pagina, in plaats van de reactie."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": HIDE_REASON_MAX_LENGTH}),
        required=False,
    )
