"""Step 2 of 3: every existing message went to a user, so its key is "u:<user id>"."""

from django.db import migrations, models
from django.db.models.functions import Cast, Concat


def fill_recipient_key(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.filter(recipient__isnull=False).update(
        recipient_key=Concat(
            models.Value("u:"), Cast("recipient_id", models.CharField()), output_field=models.CharField()
        )
    )


def remove_address_messages(apps, schema_editor):
    # Going back: the old table has no room for a message without a user account.
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.filter(recipient__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_notification_address_recipients"),
    ]

    operations = [
        migrations.RunPython(fill_recipient_key, remove_address_messages),
    ]
