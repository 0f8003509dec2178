"""Import and export in the admin (django-import-export), the portal's way.

- The formats: CSV and XLSX only, and a cell that a spreadsheet would run as a formula (it starts
  with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, exactly as the CSV
  downloads of `core.exports` do. A CSV export starts with a byte-order mark (spreadsheet
  programs then read the accents); a CSV import takes a comma or a semicolon (Dutch Excel).
- The permissions: django-import-export asks `<app>.import_<model>` and `<app>.export_<model>`
  (settings IMPORT_EXPORT_IMPORT_PERMISSION_CODE and ..._EXPORT_...), which each app's
  `rules.py` names like every other permission: administrators import, officers export.

An admin uses `PortalExportMixin` or `PortalImportExportMixin` with a `resource_classes`."""

from __future__ import annotations

from import_export.admin import ExportMixin, ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from .exports import FORMULA_STARTS


def neutralise(value):
    """A text cell that a spreadsheet would run gets a leading apostrophe; anything else stays."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _neutralised(dataset):
    safe = dataset.__class__(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        safe.append([neutralise(cell) for cell in row])
    return safe


class SafeCSV(CSV):
    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(_neutralised(dataset), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        in_stream = in_stream.lstrip("\ufeff")
        first_line = in_stream.split("\n", 1)[0]
        if first_line.count(";") > first_line.count(","):
            kwargs.setdefault("delimiter", ";")
        return super().create_dataset(in_stream, **kwargs)


class SafeXLSX(XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(_neutralised(dataset), **kwargs)


PORTAL_FORMATS = [SafeCSV, SafeXLSX]


class PortalExportMixin(ExportMixin):
    """Export (CSV, XLSX) of the list as filtered, for those with `<app>.export_<model>`."""

    formats = PORTAL_FORMATS
    export_formats = PORTAL_FORMATS


class PortalImportExportMixin(ImportExportMixin):
    """Import with a preview (a dry run: nothing is written until confirmed) for those with
    `<app>.import_<model>`, and export as above."""

    formats = PORTAL_FORMATS
    export_formats = PORTAL_FORMATS
    import_formats = PORTAL_FORMATS
