import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member

rules.add_perm("wijkraden.view_neighbourhoodcouncil", rules.always_allow)
rules.add_perm("wijkraden.change_neighbourhoodcouncil", is_board_of | is_staff_member)
rules.add_perm("wijkraden.add_neighbourhoodcouncil", is_staff_member)
rules.add_perm("wijkraden.delete_neighbourhoodcouncil", is_administrator)
rules.add_perm("wijkraden.view_membership", is_staff_member)
rules.add_perm("wijkraden.change_membership", is_staff_member)
rules.add_perm("wijkraden.add_membership", is_staff_member)
rules.add_perm("wijkraden.delete_membership", is_administrator)
# Who gave whom which seat (core.history.AuditHistory): the staff who keep the memberships.
rules.add_perm("wijkraden.view_historicalmembership", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"wijkraden.{verb}_historicalmembership", rules.always_deny)
rules.add_perm("wijkraden.view_district", is_staff_member)
rules.add_perm("wijkraden.change_district", is_administrator)
rules.add_perm("wijkraden.add_district", is_administrator)
rules.add_perm("wijkraden.delete_district", is_administrator)
rules.add_perm("wijkraden.view_department", is_staff_member)
rules.add_perm("wijkraden.change_department", is_administrator)
rules.add_perm("wijkraden.add_department", is_administrator)
rules.add_perm("wijkraden.delete_department", is_administrator)
rules.add_perm("wijkraden", is_staff_member)
rules.add_perm("wijkraden.view_inventoryround", is_staff_member)
rules.add_perm("wijkraden.add_inventoryround", is_staff_member)
rules.add_perm("wijkraden.change_inventoryround", is_staff_member)
rules.add_perm("wijkraden.delete_inventoryround", is_administrator)
# The admin's import (with a preview) and export of the register (django-import-export).
rules.add_perm("wijkraden.import_neighbourhoodcouncil", is_administrator)
rules.add_perm("wijkraden.export_neighbourhoodcouncil", is_staff_member)
