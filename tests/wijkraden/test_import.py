import pytest
from django.core.management import CommandError, call_command

from wijkportaal.wijkraden.models import District, NeighbourhoodCouncil

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = """naam,stadsdeel,buurten,email,website,opgericht,actief
Wijkraad Eikenhof,Noord,Eikenlaan;Beukenplein,info@eikenhof.test,https://eikenhof.test,1998,ja
,Noord,,,,,
Wijkraad Lindenwijk,Zuid,Lindehof,geen-adres,,2030,ja
Wijkraad Kade,Oost,,,,,nee
"""


def run(tmp_path, text, *args):
    path = tmp_path / "wijkraden.csv"
    path.write_text(text, encoding="utf-8")
    out, err = [], []

    class Sink:
        def __init__(self, into):
            self.into = into

        def write(self, s):
            self.into.append(s)

        def flush(self):
            pass

    try:
        call_command(
            "import_wijkraden", str(path), *args, stdout=Sink(out), stderr=Sink(err), verbosity=0
        )
        error = None
    except CommandError as exc:
        error = exc
    return "".join(out), "".join(err), error


def test_valid_rows_are_loaded_and_bad_rows_reported_with_line_and_reason(tmp_path):
    out, err, error = run(tmp_path, GOOD_AND_BAD)
    assert error is None
    assert set(NeighbourhoodCouncil.objects.values_list("name", flat=True)) == {
        "Wijkraad Eikenhof",
        "Wijkraad Kade",
    }
    eikenhof = NeighbourhoodCouncil.objects.get(slug="wijkraad-eikenhof")
    assert eikenhof.neighbourhood_list == ["Eikenlaan", "Beukenplein"]
    assert not NeighbourhoodCouncil.objects.get(slug="wijkraad-kade").active
    assert "regel 3 afgekeurd: naam" in err
    assert "regel 4 afgekeurd" in err and "email" in err and "opgericht" in err
    assert "2 nieuw, 0 bijgewerkt, 2 afgekeurd" in out
    assert set(District.objects.values_list("name", flat=True)) == {"Noord", "Oost"}


def test_dry_run_saves_nothing(tmp_path):
    out, _err, _error = run(tmp_path, GOOD_AND_BAD, "--dry-run")
    assert not NeighbourhoodCouncil.objects.exists()
    assert "proefrun" in out


def test_atomic_saves_nothing_when_a_row_is_bad(tmp_path):
    _out, _err, error = run(tmp_path, GOOD_AND_BAD, "--atomic")
    assert error is not None
    assert not NeighbourhoodCouncil.objects.exists()


def test_second_import_updates_instead_of_duplicating(tmp_path):
    run(tmp_path, GOOD_AND_BAD)
    changed = GOOD_AND_BAD.replace("1998", "1999")
    out, _err, _error = run(tmp_path, changed)
    assert NeighbourhoodCouncil.objects.count() == 2
    assert NeighbourhoodCouncil.objects.get(slug="wijkraad-eikenhof").founded_year == 1999
    assert "0 nieuw, 2 bijgewerkt" in out


def test_missing_columns_are_reported(tmp_path):
    _out, err, error = run(tmp_path, "naam;buurten\nWijkraad X;Y\n")
    assert error is not None
    assert "kolommen ontbreken: stadsdeel" in err
