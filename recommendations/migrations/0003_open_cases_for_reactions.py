# A reaction on an action is a case at the desk (kind recommendations.reaction). Reactions of
# the last 90 days that are not hidden, submitted before the desk existed, get their case now:
# owned by the action's department, dated as submitted, no mail sent (see
# wijkportaal/desk/backfill.py). Older ones were dealt with long ago.

import datetime

from django.db import migrations
from django.utils import timezone

from wijkportaal.desk.backfill import backfill_case


def open_cases(apps, schema_editor):
    Reaction = apps.get_model("recommendations", "Reaction")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Case = apps.get_model("desk", "Case")
    CaseEvent = apps.get_model("desk", "CaseEvent")
    since = timezone.now() - datetime.timedelta(days=90)
    rows = Reaction.objects.filter(created_at__gte=since, hidden_at__isnull=True).select_related(
        "action"
    )
    if not rows.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="recommendations", model="reaction"
    )
    for reaction in rows.order_by("pk"):
        backfill_case(
            Case,
            CaseEvent,
            kind="recommendations.reaction",
            term_days=10,
            content_type_id=content_type.pk,
            object_id=reaction.pk,
            title=f"Reactie op de actie {reaction.action.title}",
            summary=reaction.text,
            council_id=reaction.council_id,
            submitted_by_id=reaction.author_id,
            department_id=reaction.action.department_id,
            received_at=reaction.created_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0002_reaction_answer"),
        ("desk", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
