"""Existing editions keep their address: the slug of a conference that was one-per-year is its
year, so /conferentie/<year>/ links keep working."""

from django.db import migrations


def slug_from_year(apps, schema_editor):
    for name in ("Conference", "HistoricalConference"):
        model = apps.get_model("training", name)
        for row in model.objects.filter(slug__isnull=True).only("pk", "year"):
            model.objects.filter(pk=row.pk).update(slug=str(row.year))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0003_conference_editions_and_status"),
    ]

    operations = [
        migrations.RunPython(slug_from_year, migrations.RunPython.noop),
    ]
