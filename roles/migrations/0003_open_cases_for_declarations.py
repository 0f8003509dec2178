# A role declaration is a case at the desk (kind roles.declaration), owned by Wijkzaken en
# Participatie. Declarations of the last 90 days that have not ended, made before the desk
# existed, get their case now: dated as declared, no mail sent (see
# wijkportaal/desk/backfill.py). Without that department (a database never seeded) there is no
# owner, and nothing is opened.

import datetime

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

from wijkportaal.desk.backfill import backfill_case


def open_cases(apps, schema_editor):
    RoleDeclaration = apps.get_model("roles", "RoleDeclaration")
    Department = apps.get_model("wijkraden", "Department")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Case = apps.get_model("desk", "Case")
    CaseEvent = apps.get_model("desk", "CaseEvent")
    now = timezone.now()
    today = timezone.localdate(now)
    rows = RoleDeclaration.objects.filter(
        Q(end__isnull=True) | Q(end__gte=today),
        declared_at__gte=now - datetime.timedelta(days=90),
    ).select_related("council")
    department = Department.objects.filter(slug="wijkzaken-en-participatie").first()
    if department is None or not rows.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="roles", model="roledeclaration")
    for declaration in rows.order_by("pk"):
        if declaration.content_type_id is None and not declaration.subject:
            scope = "algemeen"
        else:
            scope = declaration.subject or "gekoppeld onderdeel"
        period = f"vanaf {declaration.start:%d-%m-%Y}"
        if declaration.end:
            period += f" tot en met {declaration.end:%d-%m-%Y}"
        backfill_case(
            Case,
            CaseEvent,
            kind="roles.declaration",
            term_days=5,
            content_type_id=content_type.pk,
            object_id=declaration.pk,
            title=f"Rolkeuze van {declaration.council.name}: {declaration.role} ({scope})",
            summary=f"Geldt {period}."
            + (f"\n\n{declaration.reason}" if declaration.reason else ""),
            council_id=declaration.council_id,
            submitted_by_id=declaration.declared_by_id,
            department_id=department.pk,
            received_at=declaration.declared_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0002_rename_tables"),
        ("desk", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
