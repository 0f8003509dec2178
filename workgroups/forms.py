from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import ContactMoment, ContactMomentKind, FeedbackType, validate_document


class AgendaForm(forms.Form):
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown is toegestaan. Na publicatie ziet iedereen de agenda."),
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Verslag"),
        max_length=30000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown is toegestaan. Na publicatie ziet iedereen het verslag."),
    )
    attendees = forms.MultipleChoiceField(
        label=_("Aanwezig"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = [
            (member.pk, f"{member.person.display_name} ({member.organisation})")
            for member in members
        ]


class DeliverableCompleteForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst van de opbrengst"),
        required=False,
        max_length=30000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown is toegestaan. Vul een tekst in of voeg een document toe."),
    )
    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, ODT, DOCX, ODS, XLSX of TXT, hoogstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx,.ods,.xlsx,.txt"}),
    )
    complete_action = forms.BooleanField(
        label=_("Rond ook de gekoppelde actie af"), required=False, initial=True
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            # The core's one upload check: type from the content, size and extension.
            validate_document(document)
        return document


class ContactFeedbackForm(forms.Form):
    about = forms.ChoiceField(
        label=_("Waarover"),
        help_text=_(
            "Een contactmoment van uw wijkraad, of een soort contactmoment in het algemeen."
        ),
    )
    type = forms.ChoiceField(
        label=_("Soort reactie"), choices=FeedbackType.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Uw terugkoppeling of knelpunt"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, council, occurrences, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {str(kind.pk): kind for kind in kinds}
        self.occurrences = {str(o.pk): o for o in occurrences}
        self.fields["about"].choices = [
            ("", _("Kies…")),
            (
                _("Een contactmoment"),
                [
                    (
                        f"moment:{pk}",
                        f"{o.kind.name}, "
                        + date_format(timezone.localtime(o.starts_at), "j F Y H:i"),
                    )
                    for pk, o in self.occurrences.items()
                ],
            ),
            (
                _("Een soort contactmoment"),
                [(f"soort:{pk}", kind.name) for pk, kind in self.kinds.items()],
            ),
        ]

    def target(self) -> tuple[ContactMomentKind | None, ContactMoment | None]:
        prefix, _sep, pk = self.cleaned_data["about"].partition(":")
        if prefix == "moment":
            return None, self.occurrences.get(pk)
        return self.kinds.get(pk), None
