from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Function, NeighbourhoodCouncil


class CouncilProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )
    public_functions = forms.MultipleChoiceField(
        label=_("Namen op de openbare pagina"),
        help_text=_(
            "Van wie staat de naam op de openbare pagina van de wijkraad? De anderen worden "
            "alleen geteld."
        ),
        choices=Function.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NeighbourhoodCouncil
        fields = [
            "description",
            "neighbourhoods",
            "contact_email",
            "website",
            "founded_year",
            "public_functions",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
            "neighbourhoods": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year is not None and not (1900 <= year <= timezone.localdate().year):
            raise forms.ValidationError(
                _("Vul een jaartal in tussen 1900 en %(year)s.")
                % {"year": timezone.localdate().year}
            )
        return year

    def clean_neighbourhoods(self):
        value = self.cleaned_data.get("neighbourhoods", "")
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        if len(lines) > 50:
            raise forms.ValidationError(_("Noem hoogstens 50 buurten."))
        if any(len(line) > 100 for line in lines):
            raise forms.ValidationError(_("Een buurtnaam is hoogstens 100 tekens lang."))
        return "\n".join(lines)
