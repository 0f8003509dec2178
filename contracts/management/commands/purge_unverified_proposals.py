from django.core.management.base import BaseCommand

from contracts.uitdaagrecht.services import proposals_purge_unverified


class Command(BaseCommand):
    help = "Delete right-to-challenge proposals whose address was not confirmed in 7 days."

    def handle(self, *args, **options):
        count = proposals_purge_unverified()
        self.stdout.write(f"{count} unverified proposal(s) deleted.")
