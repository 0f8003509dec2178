"""Who may do what with support requests. The object is a wijkraad (request) or a support
request (its .council)."""

import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member

rules.add_perm("contracts.request_support", is_board_of)
rules.add_perm("contracts.view_supportrequest", is_board_of | is_staff_member)
rules.add_perm("contracts.handle_supportrequest", is_staff_member)

# The admin: officers manage, administrators delete.
rules.add_perm("contracts.view_supportoffer", is_staff_member)
for model in ("supportoffer", "supportrequest"):
    rules.add_perm(f"contracts.add_{model}", is_staff_member)
    rules.add_perm(f"contracts.change_{model}", is_staff_member)
    rules.add_perm(f"contracts.delete_{model}", is_administrator)

# The support workgroup's notes on tailored support: officers keep them.
rules.add_perm("contracts.view_supportnote", is_staff_member)
rules.add_perm("contracts.add_supportnote", is_staff_member)
rules.add_perm("contracts.change_supportnote", is_staff_member)
rules.add_perm("contracts.delete_supportnote", is_administrator)
