from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import Channel, ChannelKind, EntryKind, KnowHowEntry
from .services import CHANNEL_FIELDS
from .validators import ALLOWED_LABEL, MAX_ATTACHMENT_SIZE

NOT_NEGATIVE = _("Vul een getal in van 0 of meer; een negatief getal kan niet.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ChannelForm(forms.ModelForm):
    url = forms.URLField(
        label=_("Link"),
        required=False,
        assume_scheme="https",
        max_length=300,
        help_text=_("Het webadres, bijvoorbeeld https://www.facebook.com/wijkraad."),
        error_messages={"invalid": _("Vul een geldig webadres in, beginnend met https://.")},
    )
    reach = forms.IntegerField(
        label=_("Bereik"),
        required=False,
        min_value=0,
        help_text=_("Oplage, aantal volgers of aantal leden."),
        error_messages={"min_value": _("Het bereik kan niet negatief zijn.")},
    )
    yearly_cost = forms.DecimalField(
        label=_("Kosten per jaar (euro)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=0,
        error_messages={"min_value": _("De kosten kunnen niet negatief zijn.")},
    )
    effort_hours = forms.DecimalField(
        label=_("Inzet (uren per maand)"),
        min_value=0,
        max_digits=6,
        decimal_places=1,
        initial=0,
        error_messages={"min_value": _("De inzet kan niet negatief zijn.")},
    )

    class Meta:
        model = Channel
        fields = CHANNEL_FIELDS
        widgets = {
            "reach_measured_on": DateInput(),
            "results": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, council: NeighbourhoodCouncil, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        if not self.instance.pk:
            self.instance.council = council
        today = timezone.localdate()
        self.fields["contact_person"].queryset = (
            User.objects.filter(memberships__council=council, memberships__start__lte=today)
            .exclude(memberships__end__lt=today)
            .distinct()
        )
        self.fields["contact_person"].help_text = _(
            "Een lid van de wijkraad dat andere wijkraden mag helpen. Het e-mailadres wordt "
            "nooit getoond; vragen komen via het portaal."
        )
        self.fields["contact_opt_in"].help_text = _(
            "Alleen aanvinken als deze persoon ermee heeft ingestemd."
        )
        self.fields["reach_unit"].required = False

    def clean_reach_measured_on(self):
        value = self.cleaned_data.get("reach_measured_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("De meetdatum kan niet in de toekomst liggen."))
        return value

    def clean_name(self):
        name = self.cleaned_data.get("name", "").strip()
        return name


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    deadline = forms.DateField(label=_("Uiterste datum"), widget=DateInput())
    introduction = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class EntryForm(forms.ModelForm):
    tags = forms.CharField(
        label=_("Labels"),
        required=False,
        max_length=300,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: wijkkrant, vrijwilligers."),
    )
    attachment = forms.FileField(
        label=_("Bijlage"),
        required=False,
        help_text=_("Toegestaan: %(types)s, hoogstens %(size)s MB.")
        % {"types": ALLOWED_LABEL, "size": MAX_ATTACHMENT_SIZE // (1024 * 1024)},
    )
    attachment_title = forms.CharField(
        label=_("Omschrijving van de bijlage"), required=False, max_length=200
    )

    class Meta:
        model = KnowHowEntry
        fields = ["title", "kind", "summary", "body", "council", "channel_kinds"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14}),
            "channel_kinds": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EntryKind.choices
        self.fields["channel_kinds"].queryset = ChannelKind.objects.all()
        self.fields["channel_kinds"].required = False
        today = timezone.localdate()
        own = NeighbourhoodCouncil.objects.filter(
            memberships__person=user,
            memberships__function__in=("voorzitter", "secretaris", "penningmeester"),
            memberships__start__lte=today,
        ).exclude(memberships__end__lt=today)
        if user.is_officer or user.is_administrator:
            own = NeighbourhoodCouncil.objects.active()
        if self.instance.council_id:
            own = own | NeighbourhoodCouncil.objects.filter(pk=self.instance.council_id)
        self.fields["council"].queryset = own.distinct()
        self.fields["council"].required = False
        self.fields["council"].empty_label = _("— niet namens een wijkraad —")
        if self.instance.pk:
            self.initial.setdefault("tags", ", ".join(t.name for t in self.instance.tags.all()))


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Uw vraag"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Uw naam en e-mailadres gaan mee, zodat het aanspreekpunt u kan antwoorden."),
    )
