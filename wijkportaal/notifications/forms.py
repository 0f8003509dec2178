from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DigestFrequency


class PreferenceForm(forms.Form):
    digest_frequency = forms.ChoiceField(
        label=_("Hoe vaak wilt u een voortgangsoverzicht per e-mail?"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe vaak u een overzicht wilt krijgen."),
            "invalid_choice": _("Kies dagelijks, wekelijks, maandelijks of nooit."),
        },
    )
    reminder_kinds = forms.MultipleChoiceField(
        label=_("Welke herinneringen wilt u krijgen?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies alleen herinneringen uit de lijst.")},
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reminder_kinds"].choices = [(kind.key, kind.label) for kind in kinds]
        if not kinds:
            del self.fields["reminder_kinds"]
