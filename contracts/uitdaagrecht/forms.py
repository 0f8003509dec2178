from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.forms import TransitionForm

from .models import PROPOSAL_MACHINE, ChallengeField, ChallengeTerrain, EvaluationOutcome


class ProposalContentForm(forms.Form):
    task = forms.CharField(
        label=_("Welke taak wilt u overnemen?"),
        max_length=300,
        help_text=_("Een taak van de gemeente of van een partner van de gemeente."),
    )
    # Any terrain parses (the service says, beside the field, when one is not open yet);
    # only the terrains open today are offered.
    terrain = forms.ModelChoiceField(
        label=_("Terrein"),
        queryset=ChallengeTerrain.objects.all(),
        help_text=_("Het uitdaagrecht staat per terrein open vanaf een vaste datum."),
    )
    field = forms.ChoiceField(label=_("Soort taak"), choices=ChallengeField.choices)
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        open_terrains = ChallengeTerrain.objects.open_on(timezone.localdate())
        self.fields["terrain"].choices = [("", "---------")] + [
            (terrain.pk, terrain.name) for terrain in open_terrains
        ]


class GroupProposalForm(ProposalContentForm):
    # A honeypot: hidden from people (CSS), filled in by bots that fill in every field.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        template_name="forms/honeypot_field.html",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
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
CRITERIA = ("not_more_expensive", "at_least_same_quality", "demonstrable_support")
# A criterion is yes, no or not yet scored (None).
AS_CHOICE = {None: "", True: "ja", False: "nee"}
AS_BOOL = {choice: value for value, choice in AS_CHOICE.items()}


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

    def __init__(self, *args, proposal, **kwargs):
        initial = {key: AS_CHOICE[getattr(proposal, key)] for key in CRITERIA}
        initial["notes"] = proposal.score_notes
        super().__init__(*args, initial=initial, **kwargs)

    def cleaned_scores(self) -> dict:
        data = {key: AS_BOOL[self.cleaned_data[key]] for key in CRITERIA}
        data["notes"] = self.cleaned_data["notes"]
        return data


class ProposalTransitionForm(TransitionForm):
    motivation = forms.CharField(
        label=_("Motivering (openbaar)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij toekennen en afwijzen."),
    )
    evaluation_outcome = forms.ChoiceField(
        label=_("Uitkomst van de evaluatie"),
        choices=[("", "---------"), *EvaluationOutcome.choices],
        required=False,
        help_text=_("Verplicht bij de stap ‘geëvalueerd’."),
    )
    evaluation_summary = forms.CharField(
        label=_("Samenvatting van de evaluatie (openbaar)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij de stap ‘geëvalueerd’; staat op de openbare pagina."),
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, machine=PROPOSAL_MACHINE, current=proposal.status, **kwargs)
