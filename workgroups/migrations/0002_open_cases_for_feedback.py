# Feedback and bottlenecks on contact moments are cases at the desk (kinds workgroups.feedback
# and workgroups.bottleneck). Those of the last 90 days, submitted before the desk existed, get
# their case now: owned by the department of the kind of contact moment, dated as submitted,
# no mail sent (see wijkportaal/desk/backfill.py). Older ones were dealt with long ago.

import datetime

from django.db import migrations
from django.utils import timezone

from wijkportaal.desk.backfill import backfill_case

TERMS = {"terugkoppeling": ("workgroups.feedback", 15), "knelpunt": ("workgroups.bottleneck", 10)}


def open_cases(apps, schema_editor):
    ContactFeedback = apps.get_model("workgroups", "ContactFeedback")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Case = apps.get_model("desk", "Case")
    CaseEvent = apps.get_model("desk", "CaseEvent")
    since = timezone.now() - datetime.timedelta(days=90)
    rows = ContactFeedback.objects.filter(created_at__gte=since).select_related(
        "kind", "occurrence"
    )
    if not rows.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="workgroups", model="contactfeedback"
    )
    for feedback in rows.order_by("pk"):
        kind, term_days = TERMS.get(feedback.type, TERMS["terugkoppeling"])
        what = "Knelpunt bij" if feedback.type == "knelpunt" else "Terugkoppeling op"
        title = f"{what} {feedback.kind.name}"
        if feedback.occurrence_id:
            title += f" van {timezone.localtime(feedback.occurrence.starts_at):%d-%m-%Y}"
        backfill_case(
            Case,
            CaseEvent,
            kind=kind,
            term_days=term_days,
            content_type_id=content_type.pk,
            object_id=feedback.pk,
            title=title,
            summary=feedback.text,
            council_id=feedback.council_id,
            submitted_by_id=feedback.author_id,
            department_id=feedback.kind.department_id,
            received_at=feedback.created_at,
            topic=feedback.kind.slug,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0001_initial"),
        ("desk", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
