"""Every wijkcontract request still waiting for its first decision (aangevraagd) becomes a case
at the desk, received when it was requested, answer-by twenty working days later. Requests
that were already explored or decided got their answer before the desk existed and get no
case. No mail is sent."""

from django.db import migrations

from contracts.migrations._desk_cases import content_type_for, department_for, open_case

KIND = "wijkcontracten.request"
TERM_DAYS = 20


def open_cases(apps, schema_editor):
    Contract = apps.get_model("contracts", "Contract")
    contracts = Contract.objects.filter(status="aangevraagd").order_by("pk")
    if not contracts.exists():
        return
    department = department_for(apps, "wijkzaken-en-participatie")
    if department is None:
        return
    content_type = content_type_for(apps, "contract")
    for contract in contracts:
        open_case(
            apps,
            kind=KIND,
            term_days=TERM_DAYS,
            department=department,
            content_type=content_type,
            obj=contract,
            title=contract.title,
            summary=contract.description,
            council_id=contract.council_id,
            submitted_by_id=contract.requested_by_id,
            received_at=contract.requested_at,
        )


class Migration(migrations.Migration):
    dependencies = [("contracts", "0003_support_request_cases")]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
