from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wijkportaal.notifications.due import due_work_run


class Command(BaseCommand):
    help = "Verstuurt nu de herinneringen en overzichten die op dit moment (of --now) aan de beurt zijn."  # noqa: E501

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", help="Doe alsof het dit moment is, bv. 2026-12-07T09:00 (Europe/Amsterdam)."
        )

    def handle(self, *args, now=None, **options):
        moment = timezone.now()
        if now:
            parsed = parse_datetime(now)
            if parsed is None:
                raise CommandError("--now verwacht een moment als 2026-12-07T09:00.")
            moment = parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
        result = due_work_run(moment, send_inline=True)
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in result.items()))
