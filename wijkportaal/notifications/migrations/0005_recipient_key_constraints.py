"""Step 3 of 3: one message per (recipient key, kind, occasion), and a key that matches the
recipient."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0004_fill_recipient_key"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                fields=("recipient_key", "kind", "occasion"),
                name="one_message_per_recipient_occasion",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(("recipient__isnull", False), ("recipient_key__startswith", "u:"))
                | models.Q(("recipient__isnull", True), ("recipient_key__startswith", "a:")),
                name="notification_has_one_recipient",
            ),
        ),
    ]
