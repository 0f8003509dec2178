from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.workgroups.factories import (
    ContactMomentFactory,
    ContactMomentKindFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)
from wijkportaal.desk.selectors import case_for_subject
from workgroups.services import contact_feedback_create


def extend_world(values, *, council_a, council_b, users):
    workgroup = WorkgroupFactory(slug="werkgroep-a", chair=users["board"])
    WorkgroupMemberFactory(workgroup=workgroup, person=users["member"], council=council_a)
    values["workgroup"] = workgroup.slug
    values["meeting"] = MeetingFactory(workgroup=workgroup).pk
    values["deliverable"] = DeliverableFactory(workgroup=workgroup).pk
    # Documents: one published (anyone downloads it), one still a draft (the workgroup only).
    values["deliverable_published_doc"] = DeliverableFactory(
        workgroup=workgroup,
        published_at=timezone.now(),
        document=SimpleUploadedFile("opbrengst.pdf", b"%PDF-1.4 matrix"),
    ).pk
    values["deliverable_draft_doc"] = DeliverableFactory(
        workgroup=workgroup, document=SimpleUploadedFile("concept.pdf", b"%PDF-1.4 concept")
    ).pk
    ContactMomentFactory(council=council_a)

    # Feedback and a bottleneck of wijkraad A's member, through the service: cases at the desk.
    kind = ContactMomentKindFactory()
    for key, type_ in (("case_feedback_a", "terugkoppeling"), ("case_bottleneck_a", "knelpunt")):
        feedback = contact_feedback_create(
            actor=users["member"], council=council_a, kind=kind, type=type_, text="Matrix."
        )
        values[key] = case_for_subject(feedback).pk
