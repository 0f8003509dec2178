"""The admin's export formats neutralise spreadsheet formulas exactly as core.exports does, in
CSV and in XLSX; a CSV with semicolons is read as well as one with commas."""

import io

import openpyxl
import pytest
import tablib

from wijkportaal.core.exports import FORMULA_STARTS
from wijkportaal.core.importexport import SafeCSV, SafeXLSX, neutralise

HOSTILE = ['=HYPERLINK("http://x.test")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\ry"]


def hostile_dataset():
    data = tablib.Dataset(headers=["tekst", "getal"])
    for value in HOSTILE:
        data.append([value, 7])
    data.append(["gewoon", None])
    return data


def test_neutralise_prefixes_every_formula_start():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
    for value in HOSTILE:
        assert neutralise(value) == "'" + value
    assert neutralise("gewoon") == "gewoon"
    assert neutralise(-3) == -3
    assert neutralise(None) is None


def test_csv_export_neutralises_and_starts_with_a_bom():
    text = SafeCSV().export_data(hostile_dataset())

    assert text.startswith("\ufefftekst,getal")
    rows = tablib.import_set(text.lstrip("\ufeff"), format="csv")
    assert [row[0] for row in rows][:6] == ["'" + value for value in HOSTILE]
    assert rows[6][0] == "gewoon"


def test_xlsx_export_neutralises_so_no_cell_is_a_formula():
    content = SafeXLSX().export_data(hostile_dataset())

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2, max_row=7)]
    # (XLSX stores a carriage return as a line feed; the cell still starts with the apostrophe.)
    assert [cell.value for cell in cells][:5] == ["'" + value for value in HOSTILE][:5]
    assert cells[5].value.startswith("'")
    assert all(cell.data_type == "s" for cell in cells)


@pytest.mark.parametrize("separator", [",", ";"])
def test_csv_import_takes_commas_and_semicolons(separator):
    text = f"\ufeffnaam{separator}stadsdeel\nWijkraad Eik{separator}Noord\n"

    data = SafeCSV().create_dataset(text)

    assert data.headers == ["naam", "stadsdeel"]
    assert data[0] == ("Wijkraad Eik", "Noord")
