import rules

from wijkportaal.permissions import is_administrator, is_staff_member

rules.add_perm("accounts.view_user", is_staff_member)
rules.add_perm("accounts.change_user", is_administrator)
rules.add_perm("accounts.add_user", is_administrator)
rules.add_perm("accounts.delete_user", is_administrator)
rules.add_perm("accounts.view_invitation", is_staff_member)
rules.add_perm("accounts.add_invitation", is_staff_member)
rules.add_perm("accounts.change_invitation", rules.always_deny)
rules.add_perm("accounts.delete_invitation", is_administrator)
rules.add_perm("accounts.invite_user", is_staff_member)
rules.add_perm("accounts", is_staff_member)
# The audit log: administrators read it, nobody writes it by hand.
rules.add_perm("accounts.view_authevent", is_administrator)
rules.add_perm("accounts.add_authevent", rules.always_deny)
rules.add_perm("accounts.change_authevent", rules.always_deny)
rules.add_perm("accounts.delete_authevent", rules.always_deny)
