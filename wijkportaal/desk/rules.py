"""Who may see and handle cases (the object is a Case unless said otherwise).

- Officers and administrators see every case: the desk is the municipality's shared inbox.
- A case is handled (assigned, answered, forwarded, closed) by the officers of its owning
  department, by its assignee, and by administrators.
- The submitter and the board of the case's wijkraad see the case; the wijkraad's other
  members see it when it is public or its answer is; nobody sees another wijkraad's private
  cases (the views answer 404)."""

import rules

from wijkportaal.permissions import (
    is_administrator,
    is_board_of,
    is_member_of,
    is_officer,
    is_staff_member,
)


@rules.predicate
def is_submitter(user, case) -> bool:
    return case is not None and user.is_authenticated and case.submitted_by_id == user.pk


@rules.predicate
def is_visible_to_members(user, case) -> bool:
    return case is not None and (case.is_public or case.answer_public)


@rules.predicate
def is_of_owning_department(user, case) -> bool:
    return case is not None and user.department_id == case.department_id


@rules.predicate
def is_assignee(user, case) -> bool:
    return case is not None and user.is_authenticated and case.assignee_id == user.pk


can_view_case = (
    is_staff_member | is_submitter | is_board_of | (is_member_of & is_visible_to_members)
)

rules.add_perm("desk.view_case", can_view_case)
rules.add_perm(
    "desk.handle_case", is_administrator | (is_officer & is_of_owning_department) | is_assignee
)
# Without an object: the pages.
rules.add_perm("desk.view_worklist", is_staff_member)
# The admin's export of the case list (django-import-export); nobody imports cases.
rules.add_perm("desk.export_case", is_staff_member)
rules.add_perm("desk.view_own_cases", rules.is_authenticated)
# Anyone with an account may ask for the removal of their own account and data (AVG).
rules.add_perm("desk.request_removal", rules.is_authenticated)
# A domain app whose own flow answers or moves a case (it checked its own rule first).
rules.add_perm("desk.answer_case_for_subject", is_staff_member)
rules.add_perm("desk.move_case_for_subject", is_staff_member | is_submitter | is_board_of)

# The admin: cases and their history are changed only through the services (the case page's
# forms), routes are the administrators'.
rules.add_perm("desk", is_staff_member)
rules.add_perm("desk.add_case", rules.always_deny)
rules.add_perm("desk.change_case", rules.always_deny)
rules.add_perm("desk.delete_case", rules.always_deny)
rules.add_perm("desk.view_caseevent", is_staff_member)
rules.add_perm("desk.add_caseevent", rules.always_deny)
rules.add_perm("desk.change_caseevent", rules.always_deny)
rules.add_perm("desk.delete_caseevent", rules.always_deny)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"desk.{action}_caseroute", is_administrator)
