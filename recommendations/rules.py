import rules

from wijkportaal.permissions import is_administrator, is_officer, is_staff_member


@rules.predicate
def is_officer_of_owning_department(user, action) -> bool:
    return (
        action is not None
        and user.department_id is not None
        and user.department_id == action.department_id
    )


can_post_progress = is_administrator | (is_officer & is_officer_of_owning_department)

rules.add_perm("recommendations", is_staff_member)
rules.add_perm("recommendations.post_progress", can_post_progress)
