"""The officers' steps on the admin's case page. The forms only parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import Department

VISIBILITY = [
    ("openbaar", _("Openbaar: alle leden van de wijkraad lezen het antwoord mee")),
    ("wijkraad", _("Alleen voor de indiener en het bestuur van de wijkraad")),
]


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Toewijzen aan"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Kies een ambtenaar."),
            "invalid_choice": _("Kies een ambtenaar van de afdeling uit de lijst."),
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(
            kind=UserKind.OFFICER, department_id=case.department_id, is_active=True
        ).order_by("last_name", "first_name", "email")


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,  # the service strips and counts
        required=False,  # the service says what is missing, in the same words everywhere
        help_text=_("Hoogstens 10.000 tekens. De indiener krijgt het antwoord per e-mail."),
    )
    visibility = forms.ChoiceField(
        label=_("Wie leest het antwoord?"),
        choices=VISIBILITY,
        initial="wijkraad",
        widget=forms.RadioSelect,
    )


class ForwardForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Doorsturen naar afdeling"),
        queryset=Department.objects.none(),
        error_messages={
            "required": _("Kies een afdeling."),
            "invalid_choice": _("Deze afdeling bestaat niet. Kies een afdeling uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("De indiener ziet deze reden in de geschiedenis van het verzoek."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.exclude(pk=case.department_id)


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "Nodig als het verzoek niet beantwoord is; de indiener krijgt de reden per e-mail."
        ),
    )


class StartForm(forms.Form):
    """Only a button: take the case in behandeling."""


class RemovalRequestForm(forms.Form):
    """A person's request to remove their account: a confirmation, and why if they like."""

    confirm = forms.BooleanField(
        label=_("Ja, ik vraag om verwijdering van mijn account en mijn persoonsgegevens."),
        error_messages={
            "required": _("Vink aan dat u om verwijdering vraagt; anders dienen we niets in.")
        },
    )
    explanation = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: alleen mijn account, of ook iets dat u hebt ingediend."),
    )
