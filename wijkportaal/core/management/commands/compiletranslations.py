from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compileert de .po-bestanden in locale/ naar .mo "
        "met polib, zodat een nieuwe machine zonder gettext de vertalingen heeft. Slaat "
        "bestanden over die al actueel zijn."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in locale_dirs():
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"{compiled} vertaalbestand(en) gecompileerd.")


def locale_dirs() -> list[Path]:
    """The project's LOCALE_PATHS: the English catalogue and the Dutch additions to Django's
    own catalogues (the admin's). Installed packages bring their own compiled files."""
    return [Path(path) for path in settings.LOCALE_PATHS]
