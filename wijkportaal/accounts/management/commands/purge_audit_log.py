from django.core.management.base import BaseCommand

from wijkportaal.accounts.audit import audit_purge


class Command(BaseCommand):
    help = (
        "Delete audit log rows (logins, logouts, MFA changes) and change history (users, "
        "invitations, memberships, budget lines) older than AUDIT_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        deleted = audit_purge()
        self.stdout.write(f"{sum(deleted.values())} audit row(s) deleted.")
        for label, count in deleted.items():
            self.stdout.write(f"  {label}: {count}")
