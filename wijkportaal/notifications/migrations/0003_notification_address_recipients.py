"""A recipient is a user or an address: the user becomes optional and a recipient key column
takes over the unique occasion key. Step 1 of 3: the new column, still without its rule."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_preference_default_frequency"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notification",
            name="one_message_per_occasion",
        ),
        migrations.AlterField(
            model_name="notification",
            name="recipient",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notifications",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ontvanger",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="recipient_key",
            field=models.CharField(
                default="", editable=False, max_length=260, verbose_name="ontvangersleutel"
            ),
            preserve_default=False,
        ),
    ]
