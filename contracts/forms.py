from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    CONTRACT_TRANSITIONS,
    PROPOSAL_TRANSITIONS,
    ChallengeField,
    CommitmentStatus,
    ContractStatus,
    ProposalStatus,
    Renewal,
    SupportOffer,
    SupportRequestStatus,
)

THEME_CHOICES = [
    ("maintenance", _("beheer van de wijk")),
    ("development", _("ontwikkeling van de wijk")),
    ("social", _("sociaal")),
]


def apply_errors(form, error) -> None:
    """Put a service's ValidationError beside the matching fields (others on top)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ContractRequestForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Waar moet het contract over gaan?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Welke afspraken wil de wijkraad maken over beheer en ontwikkeling?"),
    )
    themes = forms.MultipleChoiceField(
        label=_("Thema's"), choices=THEME_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.CharField(
        label=_("Partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Andere partijen, zoals een woningcorporatie. Eén per regel."),
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean_partners(self):
        return [line.strip() for line in self.cleaned_data["partners"].splitlines() if line.strip()]


class ContractTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Nieuwe status"))
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij afwijzen, intrekken en afsluiten."),
    )

    def __init__(self, *args, contract, withdraw_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = CONTRACT_TRANSITIONS[contract.status]
        if withdraw_only:
            statuses = [s for s in statuses if s == ContractStatus.WITHDRAWN]
        # Offer the allowed steps; the service still refuses anything else that is posted.
        self.fields["to_status"].choices = [(s, ContractStatus(s).label) for s in statuses]
        self.fields["to_status"].valid_value = lambda value: True


class ContractTermForm(forms.Form):
    start_date = forms.DateField(
        label=_("Ingangsdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Einddatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    renewal = forms.ChoiceField(label=_("Verlenging"), choices=Renewal.choices)


class CommitmentForm(forms.Form):
    party = forms.ModelChoiceField(label=_("Partij"), queryset=None)
    what = forms.CharField(
        label=_("Afspraak"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_date = forms.DateField(
        label=_("Uiterlijk op"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = contract.parties.select_related("council", "department")


class CommitmentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    evidence = forms.CharField(
        label=_("Bewijs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als de afspraak is nagekomen."),
    )


class BudgetDecisionForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Begrotingspost"), queryset=None, empty_label=None)
    decided_on = forms.DateField(
        label=_("Datum besluit"), widget=forms.DateInput(attrs={"type": "date"})
    )
    # Text, not a number field: the service parses euros and cents exactly (comma or point).
    amount = forms.CharField(
        label=_("Bedrag in euro"),
        max_length=20,
        help_text=_("Bijvoorbeeld 1250,50. Hoogstens het saldo van de post."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    purpose = forms.CharField(label=_("Doel"), max_length=300)
    recipient = forms.CharField(label=_("Ontvanger"), max_length=200)
    document = forms.FileField(
        label=_("Besluitdocument"),
        required=False,
        help_text=_("PDF, ODT of DOCX, hoogstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx"}),
    )

    def __init__(self, *args, pilot, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = pilot.lines.order_by("kind")
        self.fields["line"].label_from_instance = lambda line: line.get_kind_display()


class ProposalContentForm(forms.Form):
    task = forms.CharField(
        label=_("Welke taak wilt u overnemen?"),
        max_length=300,
        help_text=_("Een taak van de gemeente of van een partner van de gemeente."),
    )
    field = forms.ChoiceField(label=_("Terrein"), choices=ChallengeField.choices)
    current_provider = forms.CharField(label=_("Wie voert de taak nu uit?"), max_length=200)
    plan = forms.CharField(
        label=_("Uw plan"), max_length=8000, widget=forms.Textarea(attrs={"rows": 6})
    )
    support_evidence = forms.CharField(
        label=_("Draagvlak in de wijk"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waaruit blijkt dat buurtbewoners achter het plan staan?"),
    )
    cost_comparison = forms.CharField(
        label=_("Kostenvergelijking"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat kost de taak nu, en wat kost zij als u haar uitvoert?"),
    )
    quality = forms.CharField(
        label=_("Kwaliteit"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hoe zorgt u voor minstens dezelfde kwaliteit?"),
    )


class GroupProposalForm(ProposalContentForm):
    group_name = forms.CharField(label=_("Naam van de bewonersgroep"), max_length=200)
    contact_name = forms.CharField(label=_("Naam van de contactpersoon"), max_length=150)
    contact_email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("U krijgt een e-mail met een link om het voorstel te bevestigen."),
    )

    field_order = ["group_name", "contact_name", "contact_email"]


class CouncilProposalForm(ProposalContentForm):
    council = forms.ModelChoiceField(label=_("Wijkraad"), queryset=None, empty_label=None)

    field_order = ["council"]

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


CRITERION_CHOICES = [("", _("nog niet beoordeeld")), ("ja", _("ja")), ("nee", _("nee"))]


class ProposalScoreForm(forms.Form):
    not_more_expensive = forms.ChoiceField(
        label=_("Niet duurder"), choices=CRITERION_CHOICES, required=False
    )
    at_least_same_quality = forms.ChoiceField(
        label=_("Minstens dezelfde kwaliteit"), choices=CRITERION_CHOICES, required=False
    )
    demonstrable_support = forms.ChoiceField(
        label=_("Aantoonbaar draagvlak in de wijk"), choices=CRITERION_CHOICES, required=False
    )
    notes = forms.CharField(
        label=_("Toelichting op de beoordeling"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def cleaned_scores(self) -> dict:
        as_bool = {"": None, "ja": True, "nee": False}
        data = {key: as_bool[self.cleaned_data[key]] for key in CRITERIA}
        data["notes"] = self.cleaned_data["notes"]
        return data


CRITERIA = ("not_more_expensive", "at_least_same_quality", "demonstrable_support")


class ProposalTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Nieuwe status"))
    motivation = forms.CharField(
        label=_("Motivering (openbaar)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij toekennen en afwijzen."),
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (s, ProposalStatus(s).label) for s in PROPOSAL_TRANSITIONS[proposal.status]
        ]
        self.fields["to_status"].valid_value = lambda value: True


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
