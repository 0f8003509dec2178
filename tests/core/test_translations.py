"""English is available for every word a user sees: the English catalogue has no empty or fuzzy
entry, and every translation keeps the placeholders of its Dutch source (a lost %(date)s would
break the page or the mail). `make messages` extracts new strings; this test fails until they
are translated."""

import re
from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")


def entries():
    return [e for e in polib.pofile(str(CATALOGUE)) if not e.obsolete]


def test_every_dutch_string_has_an_english_translation():
    missing = [e.msgid for e in entries() if not e.translated() or "fuzzy" in e.flags]
    assert missing == []


def test_translations_keep_the_placeholders_of_the_source():
    broken = []
    for entry in entries():
        source = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            translations = list(entry.msgstr_plural.values())
            sources = [source, sorted(PLACEHOLDER.findall(entry.msgid_plural))]
            if not any(sorted(PLACEHOLDER.findall(t)) in sources for t in translations):
                broken.append(entry.msgid)
        elif sorted(PLACEHOLDER.findall(entry.msgstr)) != source:
            broken.append(entry.msgid)
    assert broken == []
