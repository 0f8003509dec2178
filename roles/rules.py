import rules

from wijkportaal.permissions import is_board_of, is_staff_member

rules.add_perm("roles", is_staff_member)
rules.add_perm("roles.view_roledeclaration", rules.always_allow)
# A wijkraad's role is its own choice: only its board declares or ends it. Officers read the
# register and the admin (view only: a declaration in force is never edited).
rules.add_perm("roles.add_roledeclaration", is_board_of)
rules.add_perm("roles.end_roledeclaration", is_board_of)
rules.add_perm("roles.change_roledeclaration", rules.always_deny)
# Append-only: a declaration is ended (a new fact), never deleted — not by administrators either.
rules.add_perm("roles.delete_roledeclaration", rules.always_deny)
