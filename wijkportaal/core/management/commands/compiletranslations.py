from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compileert de .po-bestanden in locale/ en in de locale/ van de eigen apps naar .mo "
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
    """LOCALE_PATHS, then the locale/ folder of every app inside the project (e.g. the core's
    Dutch for strings Django's own catalogues lack); never those of installed packages."""
    base = Path(settings.BASE_DIR).resolve()
    own_apps = [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and ".venv" not in Path(config.path).parts
    ]
    return [Path(path) for path in settings.LOCALE_PATHS] + [p for p in own_apps if p.is_dir()]
