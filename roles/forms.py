"""Forms of the role choice: declare a role (its scope chosen among the RoleScope plugins) and
end one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.forms import DateInput
from wijkportaal.core.registry import RoleScope, registry

from .models import Role


def scope_choices(council) -> list:
    choices: list = [("", _("Geen koppeling"))]
    for kind in registry.all(RoleScope):
        options = [(f"{kind.key}:{obj.pk}", str(obj)) for obj in kind.choices(council)]
        if options:
            choices.append((kind.label, options))
    return choices


def resolve_scope(value: str):
    """'actie:12' → the ActionItem with pk 12 (None for no link or an unknown one)."""
    if not value:
        return None
    key, _sep, pk = value.partition(":")
    kind = registry.get(RoleScope, key)
    if kind is None or not pk.isdigit():
        return None
    return kind.model._default_manager.filter(pk=int(pk)).first()


class RoleDeclarationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Als netwerkorganisatie informeert, verbindt, faciliteert, ondersteunt en signaleert "
            "de wijkraad, zonder zelf een standpunt in te nemen. Als zelforganisatie neemt de "
            "wijkraad een standpunt in het publieke debat in, of maakt hij keuzes en besluiten "
            "over de wijk."
        ),
    )
    subject = forms.CharField(
        label=_("Onderwerp of dossier"),
        required=False,
        max_length=200,
        help_text=_("Leeg laten als de rolkeuze algemeen geldt, voor alles wat de wijkraad doet."),
    )
    scope_object = forms.ChoiceField(
        label=_("Gekoppeld aan"),
        required=False,
        help_text=_("Optioneel: een actie, wijkcontract of uitdaagrecht-voorstel."),
    )
    start = forms.DateField(
        label=_("Geldt vanaf"),
        widget=DateInput,
        help_text=_("Een rolkeuze maakt u vooraf bekend: vandaag of later."),
    )
    end = forms.DateField(
        label=_("Geldt tot en met"),
        required=False,
        widget=DateInput,
        help_text=_("Optioneel. Zonder einddatum geldt de rolkeuze tot u haar beëindigt."),
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    frameworks_acknowledged = forms.BooleanField(
        label=_(
            "Wij hebben de kaders gelezen: als zelforganisatie blijft de wijkraad binnen de "
            "kaders van het actieprogramma."
        ),
        required=False,
    )
    succeed_current = forms.BooleanField(
        label=_("Deze rolkeuze volgt de lopende rolkeuze voor hetzelfde onderwerp op."),
        required=False,
        help_text=_("De lopende rolkeuze eindigt dan op de dag vóór de nieuwe startdatum."),
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope_object"].choices = scope_choices(council)


class RoleEndForm(forms.Form):
    end = forms.DateField(
        label=_("Geldt tot en met"),
        widget=DateInput,
        help_text=_("De laatste dag waarop de rolkeuze geldt: vandaag of later."),
    )
