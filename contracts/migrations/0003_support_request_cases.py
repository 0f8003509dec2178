"""Every support request still open (ingediend, in behandeling) becomes a case at the desk, as
if it had been opened then: received when it was asked, in behandeling since its history
first shows that, answer-by ten working days after it was asked. No mail is sent."""

from django.db import migrations

from contracts.migrations._desk_cases import (
    content_type_for,
    department_for,
    first_history_moment,
    open_case,
)

KIND = "ondersteuning.request"
TERM_DAYS = 10


def open_cases(apps, schema_editor):
    SupportRequest = apps.get_model("contracts", "SupportRequest")
    History = apps.get_model("contracts", "HistoricalSupportRequest")
    requests = SupportRequest.objects.filter(status__in=["ingediend", "behandeling"]).order_by("pk")
    if not requests.exists():
        return
    department = department_for(apps, "wijkzaken-en-participatie")
    if department is None:
        return
    content_type = content_type_for(apps, "supportrequest")
    offers = dict(apps.get_model("contracts", "SupportOffer").objects.values_list("pk", "kind"))
    for support_request in requests:
        started_at = None
        if support_request.status == "behandeling":
            started_at = (
                first_history_moment(History, support_request.pk, status="behandeling")
                or support_request.created_at
            )
        open_case(
            apps,
            kind=KIND,
            term_days=TERM_DAYS,
            department=department,
            content_type=content_type,
            obj=support_request,
            title=support_request.subject,
            summary=support_request.question,
            council_id=support_request.council_id,
            submitted_by_id=support_request.requested_by_id,
            received_at=support_request.created_at,
            started_at=started_at,
        )
    # A topic per offer kind, as the service sets it (routes may depend on it).
    Case = apps.get_model("desk", "Case")
    for support_request in requests.exclude(offer__isnull=True):
        Case.objects.filter(
            content_type=content_type, object_id=support_request.pk, topic=""
        ).update(topic=offers.get(support_request.offer_id, ""))


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_transition_records_from_core"),
        ("desk", "0001_initial"),
        ("wijkraden", "0005_department_head"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
