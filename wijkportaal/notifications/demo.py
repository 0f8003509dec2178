"""Demo data (a DemoStep, order 80): preferences for the demo accounts, and follows for the
demo raadslid so the demo shows a digest. Never imported by production code."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings

from wijkportaal.accounts.models import User

from .models import DigestFrequency, NotificationPreference

DEMO_FREQUENCIES = {
    "beheerder@wijkportaal.test": DigestFrequency.DAILY,
    "ambtenaar@wijkportaal.test": DigestFrequency.DAILY,
    "raadslid@wijkportaal.test": DigestFrequency.WEEKLY,
    "wijkraad@wijkportaal.test": DigestFrequency.WEEKLY,
    "wijkraad2@wijkportaal.test": DigestFrequency.MONTHLY,
}
# The demo raadslid follows these recommendations (when the progress monitor has them).
COUNCILLOR_FOLLOWS = (1, 4)


def seed_notifications(*, scale: int = 1, **kwargs) -> None:
    if not getattr(settings, "DEMO_ACCOUNTS_ENABLED", False):
        return
    users = {user.email: user for user in User.objects.filter(email__in=DEMO_FREQUENCIES)}
    for email, frequency in DEMO_FREQUENCIES.items():
        if email in users:
            NotificationPreference.objects.update_or_create(
                user=users[email], defaults={"digest_frequency": frequency}
            )
    councillor = users.get("raadslid@wijkportaal.test")
    if councillor is None or not apps.is_installed("recommendations"):
        return
    Recommendation = apps.get_model("recommendations", "Recommendation")
    Follow = apps.get_model("recommendations", "Follow")
    for recommendation in Recommendation.objects.filter(number__in=COUNCILLOR_FOLLOWS):
        Follow.objects.get_or_create(user=councillor, recommendation=recommendation)
