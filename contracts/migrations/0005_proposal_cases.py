"""Every verified right-to-challenge proposal still waiting for a decision (ingediend,
ontvankelijk, in beoordeling) becomes a case at the desk: received when it was verified, in
behandeling since it was found admissible, answer-by thirty working days after it was
verified; a resident group's address is the submitter. No mail is sent."""

from django.db import migrations

from contracts.migrations._desk_cases import content_type_for, department_for, open_case

KIND = "uitdaagrecht.proposal"
TERM_DAYS = 30


def open_cases(apps, schema_editor):
    Proposal = apps.get_model("contracts", "ChallengeProposal")
    Transition = apps.get_model("contracts", "ProposalTransition")
    proposals = Proposal.objects.filter(
        verified_at__isnull=False, status__in=["ingediend", "ontvankelijk", "beoordeling"]
    ).order_by("pk")
    if not proposals.exists():
        return
    department = department_for(apps, "maatschappelijke-ontwikkeling")
    if department is None:
        return
    content_type = content_type_for(apps, "challengeproposal")
    for proposal in proposals:
        started_at = None
        if proposal.status != "ingediend":
            started_at = (
                Transition.objects.filter(proposal_id=proposal.pk, to_status="ontvankelijk")
                .order_by("at")
                .values_list("at", flat=True)
                .first()
            ) or proposal.status_changed_at
        by_group = proposal.submitted_by_id is None
        open_case(
            apps,
            kind=KIND,
            term_days=TERM_DAYS,
            department=department,
            content_type=content_type,
            obj=proposal,
            title=proposal.task,
            summary=proposal.plan,
            council_id=proposal.council_id,
            submitted_by_id=proposal.submitted_by_id,
            submitter_name=f"{proposal.contact_name} ({proposal.group_name})" if by_group else "",
            submitter_email=proposal.contact_email if by_group else "",
            received_at=proposal.verified_at,
            started_at=started_at,
            public=True,
        )
    Case = apps.get_model("desk", "Case")
    for proposal in proposals:
        Case.objects.filter(content_type=content_type, object_id=proposal.pk, topic="").update(
            topic=proposal.field
        )


class Migration(migrations.Migration):
    dependencies = [("contracts", "0004_contract_request_cases")]

    operations = [migrations.RunPython(open_cases, migrations.RunPython.noop)]
