# "Wat veranderde" on /mijn/ survives a refresh: the moment of the last visit becomes the
# moment the reader marked the changes as read (a rename: every reader keeps what they saw),
# and the moment the current changes were first shown is new (empty: shown from the next visit).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0003_open_cases_for_reactions"),
    ]

    operations = [
        migrations.RenameField(
            model_name="mypagevisit", old_name="last_visit_at", new_name="read_until"
        ),
        migrations.AlterField(
            model_name="mypagevisit",
            name="read_until",
            field=models.DateTimeField(blank=True, null=True, verbose_name="gelezen tot"),
        ),
        migrations.AddField(
            model_name="mypagevisit",
            name="shown_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="voor het eerst getoond op"
            ),
        ),
    ]
