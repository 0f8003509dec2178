import rules

from wijkportaal.permissions import is_administrator, is_member_of, is_staff_member

from .models import Workgroup, WorkgroupMember


def _workgroup_of(obj):
    if obj is None:
        return None
    return obj if isinstance(obj, Workgroup) else getattr(obj, "workgroup", None)


def workgroup_ids_of(user) -> frozenset[int]:
    """Workgroups the user sits in or chairs (cached on the user for the request)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_workgroup_ids", None)
    if cached is None:
        seats = set(
            WorkgroupMember.objects.filter(person=user).values_list("workgroup_id", flat=True)
        )
        chaired = set(Workgroup.objects.filter(chair=user).values_list("pk", flat=True))
        cached = frozenset(seats | chaired)
        user._workgroup_ids = cached
    return cached


@rules.predicate
def is_workgroup_member(user, obj) -> bool:
    workgroup = _workgroup_of(obj)
    return workgroup is not None and workgroup.pk in workgroup_ids_of(user)


@rules.predicate
def is_workgroup_chair(user, obj) -> bool:
    workgroup = _workgroup_of(obj)
    return workgroup is not None and user.is_authenticated and workgroup.chair_id == user.pk


# Members see drafts (unpublished agendas, minutes and deliverables); the public sees what
# is published. The chair runs the meetings in the portal; officers manage all in the admin.
rules.add_perm("workgroups.view_drafts", is_workgroup_member | is_staff_member)
rules.add_perm("workgroups.run_meeting", is_workgroup_chair | is_staff_member)
rules.add_perm("workgroups.complete_deliverable", is_workgroup_chair | is_staff_member)
rules.add_perm("workgroups.add_contactfeedback", is_member_of)
rules.add_perm("workgroups.view_bottlenecks", is_staff_member)

rules.add_perm("workgroups", is_staff_member)
for model in (
    "workgroup",
    "workgroupmember",
    "meeting",
    "deliverable",
    "contactmomentkind",
    "contactmoment",
):
    rules.add_perm(f"workgroups.view_{model}", is_staff_member)
    rules.add_perm(f"workgroups.add_{model}", is_staff_member)
    rules.add_perm(f"workgroups.change_{model}", is_staff_member)
    rules.add_perm(f"workgroups.delete_{model}", is_administrator)
rules.add_perm("workgroups.view_contactfeedback", is_staff_member)
rules.add_perm("workgroups.change_contactfeedback", is_staff_member)
rules.add_perm("workgroups.delete_contactfeedback", is_administrator)
