"""Existing rows move into the new shape: every indicator gets a stable key (from its live
source, else from its recommendation and number), and every recommendation's current stance and
answer becomes its first version (the letter), dated on the day it was first recorded."""

from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify


def forwards(apps, schema_editor):
    Indicator = apps.get_model("recommendations", "Indicator")
    Recommendation = apps.get_model("recommendations", "Recommendation")
    AnswerVersion = apps.get_model("recommendations", "AnswerVersion")
    History = apps.get_model("recommendations", "HistoricalRecommendation")
    taken = set()
    for indicator in Indicator.objects.select_related("recommendation").order_by("pk"):
        name = (indicator.source or indicator.title).replace(".", "-")
        base = slugify(f"rec{indicator.recommendation.number}-{name}")
        key = base[:70] or f"indicator-{indicator.pk}"
        if key in taken:
            key = f"{key}-{indicator.pk}"
        taken.add(key)
        indicator.key = key
        indicator.save(update_fields=["key"])
    for recommendation in Recommendation.objects.all():
        if AnswerVersion.objects.filter(recommendation=recommendation).exists():
            continue
        first = (
            History.objects.filter(id=recommendation.pk).order_by("history_date").first()
        )
        moment = first.history_date if first else recommendation.updated_at or timezone.now()
        AnswerVersion.objects.create(
            recommendation=recommendation,
            valid_from=timezone.localdate(moment),
            stance=recommendation.stance,
            answer=recommendation.answer or "-",
            created_at=moment,
        )


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0002_indicator_period_history_versions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
