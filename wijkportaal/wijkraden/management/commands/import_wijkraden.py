from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError
from tqdm import tqdm

from wijkportaal.wijkraden.importer import COLUMNS, import_councils


class Command(BaseCommand):
    help = "Laadt de wijkraden van een gemeente uit een CSV-bestand. Kolommen: " + ", ".join(
        f"{name} ({text})" for name, text in COLUMNS.items()
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-bestand (UTF-8, scheidingsteken , of ;)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren, niets opslaan."
        )
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="Alles of niets: bij één afgekeurde rij wordt niets opgeslagen.",
        )

    def handle(self, *args, file, dry_run, atomic, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"Bestand niet gevonden: {path}") from error
        except UnicodeDecodeError as error:
            raise CommandError("Het bestand is geen UTF-8-tekst.") from error
        rows = max(len(text.splitlines()) - 1, 0)
        with tqdm(
            total=rows, desc="import_wijkraden", unit="rij", disable=options["verbosity"] == 0
        ) as bar:
            try:
                report = import_councils(
                    text, dry_run=dry_run, atomic=atomic, progress=lambda: bar.update(1)
                )
            except IntegrityError as error:
                raise CommandError(f"Opslaan mislukt, niets opgeslagen: {error}") from error
        for line, reason in report.rejected:
            self.stderr.write(f"regel {line} afgekeurd: {reason}")
        for name in report.new_districts:
            self.stdout.write(f"nieuw stadsdeel: {name}")
        if dry_run:
            verdict = "proefrun, niets opgeslagen"
        elif not report.written:
            verdict = "--atomic: niets opgeslagen omdat er rijen zijn afgekeurd"
        else:
            verdict = "opgeslagen"
        self.stdout.write(
            f"{report.created} nieuw, {report.updated} bijgewerkt, "
            f"{len(report.rejected)} afgekeurd ({verdict})."
        )
        if report.rejected and (atomic or dry_run or not (report.created or report.updated)):
            raise CommandError("Import niet (volledig) uitgevoerd: zie de afgekeurde regels.")
