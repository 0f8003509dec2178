import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from wijkportaal.core import pagecache
from wijkportaal.core.mail import mail_withheld
from wijkportaal.core.registry import DemoStep, registry


class Command(BaseCommand):
    help = "Laadt demodata (idempotent: twee keer draaien geeft dezelfde rijen)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Vermenigvuldigt de gegenereerde data."
        )

    def handle(self, *args, scale: int, **options):
        if scale < 1 or scale > 1000:
            raise CommandError("--scale ligt tussen 1 en 1000.")
        steps = registry.all(DemoStep)
        withdrawn = [step.withdraws_mail for step in steps if step.withdraws_mail]
        with (
            mail_withheld(lambda due: any(check(due) for check in withdrawn)),
            tqdm(
                total=len(steps), desc="seed_demo", unit="stap", disable=options["verbosity"] == 0
            ) as bar,
        ):
            for step in steps:
                bar.set_postfix_str(step.key)
                began = time.perf_counter()
                with transaction.atomic():
                    step.run(scale=scale)
                bar.update(1)
                if options["verbosity"] >= 2:  # where the time goes, step by step
                    took = time.perf_counter() - began
                    tqdm.write(f"{step.key}: {took:.1f} s", file=sys.stderr)
        # Demo steps may write in bulk (no signals): every public page is built afresh.
        pagecache.bump(*pagecache.scopes_all())
        self.stdout.write(
            self.style.SUCCESS(f"Demodata geladen ({len(steps)} onderdelen, schaal {scale}).")
        )
