from django.core.management.base import BaseCommand

from wijkportaal.accounts.audit import auth_events_purge


class Command(BaseCommand):
    help = "Delete audit log rows (logins, logouts, MFA changes) older than AUDIT_RETENTION_DAYS."

    def handle(self, *args, **options):
        count = auth_events_purge()
        self.stdout.write(f"{count} audit row(s) deleted.")
