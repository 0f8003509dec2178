import json

from django.core.management.base import BaseCommand, CommandError

from wijkportaal.core.health import healthy, run_checks


class Command(BaseCommand):
    help = (
        "Controleert wat /gezondheid/ controleert (database, cache, broker, Celery beat en "
        "worker, vastzittende e-mail) en drukt het af; eindigt met een foutcode als iets niet "
        "gezond is, zodat scripts en monitoring erop kunnen reageren."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Zelfde JSON als /gezondheid/.")

    def handle(self, *args, **options):
        results = run_checks()
        ok = healthy(results)
        if options["json"]:
            body = {"status": "ok" if ok else "error", "checks": results}
            self.stdout.write(json.dumps(body, indent=2))
        else:
            for name, result in results.items():
                extra = ", ".join(
                    f"{key}={value}"
                    for key, value in result.items()
                    if key not in ("ok", "detail") and value is not None
                )
                state = "ok" if result["ok"] else "NIET GEZOND"
                notes = [str(result["detail"])] if result["detail"] != "ok" else []
                notes += [extra] if extra else []
                line = f"{name}: {state}" + (f" ({'; '.join(notes)})" if notes else "")
                self.stdout.write(line)
        if not ok:
            raise CommandError("Niet gezond.", returncode=2)
