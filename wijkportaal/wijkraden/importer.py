"""Loading a municipality's list of wijkraden from CSV (used by `import_wijkraden`)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import District, NeighbourhoodCouncil

COLUMNS = {
    "naam": gettext_lazy("verplicht; de naam van de wijkraad"),
    "stadsdeel": gettext_lazy(
        "verplicht; bestaat het stadsdeel nog niet, dan wordt het aangemaakt"
    ),
    "slug": gettext_lazy("optioneel; het adresdeel van de pagina, anders afgeleid van de naam"),
    "buurten": gettext_lazy("optioneel; buurten gescheiden door ;"),
    "email": gettext_lazy("optioneel; e-mailadres voor contact"),
    "website": gettext_lazy("optioneel; volledige URL, beginnend met https://"),
    "opgericht": gettext_lazy("optioneel; jaartal"),
    "actief": gettext_lazy("optioneel; ja of nee (standaard ja)"),
}
REQUIRED = ("naam", "stadsdeel")


class RowForm(forms.Form):
    naam = forms.CharField(max_length=150)
    stadsdeel = forms.CharField(max_length=100)
    slug = forms.SlugField(max_length=150, required=False)
    buurten = forms.CharField(required=False, max_length=5000)
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    opgericht = forms.IntegerField(required=False, min_value=1900)
    actief = forms.CharField(required=False)

    def clean_opgericht(self):
        year = self.cleaned_data.get("opgericht")
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(_("ligt in de toekomst"))
        return year

    def clean_actief(self):
        value = (self.cleaned_data.get("actief") or "ja").strip().lower()
        if value not in {"ja", "nee", "true", "false", "1", "0"}:
            raise forms.ValidationError(_("gebruik ja of nee"))
        return value in {"ja", "true", "1"}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    new_districts: list[str] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    written: bool = False


def _row_errors(form: RowForm) -> str:
    parts = []
    for name, errors in form.errors.items():
        parts.append(f"{name}: {' '.join(errors)}")
    return "; ".join(parts)


def parse_rows(text: str) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """Validate every row; return (line number, clean data) pairs and rejected rows."""
    reader = csv.DictReader(io.StringIO(text), delimiter=_sniff_delimiter(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [col for col in REQUIRED if col not in headers]
    if missing:
        return [], [(1, _("kolommen ontbreken: %(cols)s") % {"cols": ", ".join(missing)})]
    valid, rejected, seen = [], [], set()
    for index, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        form = RowForm(row)
        if not form.is_valid():
            rejected.append((index, _row_errors(form)))
            continue
        data = form.cleaned_data
        data["slug"] = data["slug"] or slugify(data["naam"])
        if not data["slug"]:
            rejected.append((index, _("slug: kan niet uit de naam worden afgeleid")))
            continue
        if data["slug"] in seen:
            rejected.append((index, _("slug: komt al eerder in het bestand voor")))
            continue
        seen.add(data["slug"])
        valid.append((index, data))
    return valid, rejected


def _sniff_delimiter(text: str) -> str:
    first_line = text.splitlines()[0] if text else ""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def import_councils(
    text: str, *, dry_run: bool = False, atomic: bool = False, progress=None
) -> ImportReport:
    """Create or update wijkraden from CSV text. Valid rows are written in one transaction;
    with `atomic`, any rejected row means nothing is written."""
    valid, rejected = parse_rows(text)
    report = ImportReport(rejected=rejected)
    if dry_run or (atomic and rejected):
        report.created = sum(
            1
            for _line, data in valid
            if not NeighbourhoodCouncil.objects.filter(slug=data["slug"]).exists()
        )
        report.updated = len(valid) - report.created
        return report
    with transaction.atomic():
        districts = {d.name.lower(): d for d in District.objects.all()}
        for _line, data in valid:
            key = data["stadsdeel"].lower()
            if key not in districts:
                districts[key] = District.objects.create(
                    name=data["stadsdeel"], slug=_unique_district_slug(data["stadsdeel"])
                )
                report.new_districts.append(data["stadsdeel"])
            neighbourhoods = "\n".join(n.strip() for n in data["buurten"].split(";") if n.strip())
            _council, created = NeighbourhoodCouncil.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["naam"],
                    "district": districts[key],
                    "neighbourhoods": neighbourhoods,
                    "contact_email": data["email"],
                    "website": data["website"],
                    "founded_year": data["opgericht"],
                    "active": data["actief"],
                },
            )
            if created:
                report.created += 1
            else:
                report.updated += 1
            if progress:
                progress()
    report.written = True
    return report


def district_for_name(name: str) -> District:
    """The district of that name (case does not matter), created when it does not exist yet:
    the rule of both the command and the admin's import."""
    district = District.objects.filter(name__iexact=name.strip()).first()
    if district is None:
        district = District.objects.create(
            name=name.strip(), slug=_unique_district_slug(name.strip())
        )
    return district


def _unique_district_slug(name: str) -> str:
    base = slugify(name) or "stadsdeel"
    slug, n = base, 2
    while District.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
