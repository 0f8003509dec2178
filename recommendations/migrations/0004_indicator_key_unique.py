from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0003_indicator_keys_and_letter_versions")]

    operations = [
        migrations.AlterField(
            model_name="indicator",
            name="key",
            field=models.SlugField(
                help_text="Vaste naam in de open data, bv. rec9-wijkcontracten-op-verzoek.",
                max_length=80,
                unique=True,
                verbose_name="sleutel",
            ),
        ),
    ]
