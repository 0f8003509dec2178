"""Import and export of wijkraden in the admin (django-import-export): the columns of
`manage.py import_wijkraden`, checked by the same row form (importer.RowForm), so a file that
the command takes is taken here too, with a preview before anything is written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from .importer import COLUMNS, RowForm, district_for_name
from .models import District, NeighbourhoodCouncil

YES = {"ja", "true", "1"}


class DistrictWidget(widgets.ForeignKeyWidget):
    """The district by name; a new name makes a new district (as the command does)."""

    def __init__(self):
        super().__init__(District, "name")

    def clean(self, value, row=None, **kwargs):
        return district_for_name(str(value)) if value else None


class NeighbourhoodsWidget(widgets.CharWidget):
    """Neighbourhoods separated by ";" in the file, one per line in the database."""

    def clean(self, value, row=None, **kwargs):
        parts = str(value or "").replace("\n", ";").split(";")
        return "\n".join(part.strip() for part in parts if part.strip())

    def render(self, value, obj=None, **kwargs):
        return "; ".join(line.strip() for line in (value or "").splitlines() if line.strip())


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return True
        return value is True or str(value).strip().lower() in YES

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nee"


class CouncilResource(resources.ModelResource):
    naam = fields.Field(attribute="name", column_name="naam")
    stadsdeel = fields.Field(attribute="district", column_name="stadsdeel", widget=DistrictWidget())
    slug = fields.Field(attribute="slug", column_name="slug")
    buurten = fields.Field(
        attribute="neighbourhoods", column_name="buurten", widget=NeighbourhoodsWidget()
    )
    email = fields.Field(attribute="contact_email", column_name="email")
    website = fields.Field(attribute="website", column_name="website")
    opgericht = fields.Field(
        attribute="founded_year", column_name="opgericht", widget=widgets.IntegerWidget()
    )
    actief = fields.Field(attribute="active", column_name="actief", widget=YesNoWidget())

    class Meta:
        model = NeighbourhoodCouncil
        fields = tuple(COLUMNS)
        export_order = tuple(COLUMNS)
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("district").order_by("name")

    def before_import(self, dataset, **kwargs):
        # Column names as the command reads them: case and spaces do not matter.
        dataset.headers = [str(header or "").strip().lower() for header in dataset.headers]
        # Optional columns may be left out of the file, as with the command.
        for column in COLUMNS:
            if column not in dataset.headers:
                dataset.append_col([""] * dataset.height, header=column)
        return super().before_import(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        """Check the row as the command does; write the cleaned values back (slug from the
        name, ja/nee, https:// before a bare website)."""
        form = RowForm({key: "" if row.get(key) is None else str(row.get(key)) for key in COLUMNS})
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        data = form.cleaned_data
        row.update(
            {
                "naam": data["naam"],
                "stadsdeel": data["stadsdeel"],
                "slug": data["slug"] or _slug_or_error(data["naam"]),
                "buurten": data["buurten"],
                "email": data["email"],
                "website": data["website"],
                "opgericht": data["opgericht"] if data["opgericht"] is not None else "",
                "actief": "ja" if data["actief"] else "nee",
            }
        )
        return super().before_import_row(row, **kwargs)


def _slug_or_error(name: str) -> str:
    slug = slugify(name)
    if not slug:
        raise ValidationError({"slug": [_("kan niet uit de naam worden afgeleid")]})
    return slug
