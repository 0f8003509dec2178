from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core.forms import TransitionForm
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import CONFERENCE_MACHINE, Session
from .services import MAX_NEEDS_LENGTH, MAX_WISHES_LENGTH, validate_capacity


class InventoryAnswerForm(forms.Form):
    """One choice per topic (its place, or none) and the wijkraad's own wishes."""

    own_wishes = forms.CharField(
        label=_("Eigen wensen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_WISHES_LENGTH}),
        help_text=_("Wat wil uw wijkraad nog meer leren? Hoogstens 2000 tekens."),
    )

    def __init__(self, *args, topics, answer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        current = {rank.topic_id: rank.rank for rank in answer.ranks.all()} if answer else {}
        choices = [("", _("niet gekozen"))] + [
            (str(place), str(place)) for place in range(1, len(self.topics) + 1)
        ]
        fields = {}
        for topic in self.topics:
            fields[f"topic_{topic.pk}"] = forms.TypedChoiceField(
                label=_("Plaats voor ‘%(topic)s’") % {"topic": topic.title},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=current.get(topic.pk),
                help_text=topic.description,
            )
        fields["own_wishes"] = self.fields.pop("own_wishes")
        self.fields.update(fields)
        if answer is not None:
            self.fields["own_wishes"].initial = answer.own_wishes

    def ranks(self) -> dict[int, int | None]:
        return {topic.pk: self.cleaned_data.get(f"topic_{topic.pk}") for topic in self.topics}


class ConferenceRegistrationForm(forms.Form):
    needs = forms.CharField(
        label=_("Toegankelijkheid of dieetwensen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_NEEDS_LENGTH}),
        help_text=_("Bijvoorbeeld een rolstoelplek, een tolk of vegetarisch eten."),
    )


class SessionAdminForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "module",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "capacity",
            "trainer",
            "materials",
        ]

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        try:
            validate_capacity(self.instance, capacity)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.message_dict["capacity"]) from error
        return capacity


class ConferenceStatusForm(TransitionForm):
    """Held (with the attendance) or cancelled (with a reason)."""

    councils = forms.ModelMultipleChoiceField(
        label=_("Vertegenwoordigde wijkraden"),
        queryset=NeighbourhoodCouncil.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen bij ‘gehouden’."),
    )
    councillors = forms.ModelMultipleChoiceField(
        label=_("Aanwezige gemeenteraadsleden"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen bij ‘gehouden’."),
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij annuleren; de reden staat op de pagina van de conferentie."),
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, machine=CONFERENCE_MACHINE, current=conference.status, **kwargs)
        self.fields["councils"].queryset = NeighbourhoodCouncil.objects.active().order_by("name")
        self.fields["councillors"].queryset = User.objects.filter(
            kind=UserKind.CITY_COUNCILLOR, is_active=True
        ).order_by("last_name", "first_name")
