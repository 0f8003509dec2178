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
# The change history of accounts and invitations (personal data, core.history.AuditHistory):
# administrators only, though officers see the accounts themselves. Nobody writes it by hand.
for model in ("historicaluser", "historicalinvitation"):
    rules.add_perm(f"accounts.view_{model}", is_administrator)
    for verb in ("add", "change", "delete"):
        rules.add_perm(f"accounts.{verb}_{model}", rules.always_deny)
# The audit log: administrators read it, nobody writes it by hand.
rules.add_perm("accounts.view_authevent", is_administrator)
rules.add_perm("accounts.add_authevent", rules.always_deny)
rules.add_perm("accounts.change_authevent", rules.always_deny)
rules.add_perm("accounts.delete_authevent", rules.always_deny)

# Third-party models in the admin (administrators are no superusers, so they need names too).
# A second factor: administrators see who has one and remove a lost one; only its owner sets
# one up, through allauth's pages.
rules.add_perm("mfa", is_administrator)
rules.add_perm("mfa.view_authenticator", is_administrator)
rules.add_perm("mfa.delete_authenticator", is_administrator)
rules.add_perm("mfa.add_authenticator", rules.always_deny)
rules.add_perm("mfa.change_authenticator", rules.always_deny)
# allauth's email addresses (verified or not) of the accounts: administrators keep them.
rules.add_perm("account", is_administrator)
for verb in ("view", "add", "change", "delete"):
    rules.add_perm(f"account.{verb}_emailaddress", is_administrator)
