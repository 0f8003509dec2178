from tests.workgroups.factories import (
    ContactMomentFactory,
    DeliverableFactory,
    MeetingFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)


def extend_world(values, *, council_a, council_b, users):
    workgroup = WorkgroupFactory(slug="werkgroep-a", chair=users["board"])
    WorkgroupMemberFactory(workgroup=workgroup, person=users["member"], council=council_a)
    values["workgroup"] = workgroup.slug
    values["meeting"] = MeetingFactory(workgroup=workgroup).pk
    values["deliverable"] = DeliverableFactory(workgroup=workgroup).pk
    ContactMomentFactory(council=council_a)
