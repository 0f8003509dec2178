"""Who may do what in the budget pilot. The object is a pilot (its .council), a wijkraad, or
a participation (its .council)."""

import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member

rules.add_perm("contracts.decide_budget", is_board_of)
# A wijkraad's board registers its interest in a round; officers admit or decline.
rules.add_perm("contracts.register_pilot_interest", is_board_of)
rules.add_perm("contracts.decide_pilotparticipation", is_staff_member)

# The admin: officers manage, administrators delete.
for model in ("budgetpilot", "budgetline", "pilotround", "pilotparticipation"):
    rules.add_perm(f"contracts.view_{model}", is_staff_member)
    rules.add_perm(f"contracts.add_{model}", is_staff_member)
    rules.add_perm(f"contracts.change_{model}", is_staff_member)
    rules.add_perm(f"contracts.delete_{model}", is_administrator)
# Who changed a line's budget (core.history.AuditHistory): the staff who keep the lines.
rules.add_perm("contracts.view_historicalbudgetline", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"contracts.{verb}_historicalbudgetline", rules.always_deny)
# Decisions are append-only: the board records them (decide_budget); nobody changes or
# deletes one, so a line's spent stays the sum of its decisions.
rules.add_perm("contracts.view_budgetdecision", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"contracts.{verb}_budgetdecision", rules.always_deny)
