import rules

from wijkportaal.permissions import (
    is_administrator,
    is_board_member,
    is_board_of,
    is_city_councillor,
    is_staff_member,
)

# Officers list the coming decisions and record their outcome.
rules.add_perm("council.manage_decision", is_staff_member)
# A board gives its wijkraad's view (the object is the wijkraad); the page asks without one.
rules.add_perm("council.give_viewpoint", is_board_of)
rules.add_perm("council.give_any_viewpoint", is_board_member)
# Council members answer views, follow decisions and register their visits.
rules.add_perm("council.reply_viewpoint", is_city_councillor)
rules.add_perm("council.follow_decision", is_city_councillor)
rules.add_perm("council.register_visit", is_city_councillor)
# The board of the visited wijkraad confirms a visit (the object is the visit).
rules.add_perm("council.confirm_visit", is_board_of)

# The admin only shows these; every write goes through the services on the portal's pages.
rules.add_perm("council", is_staff_member)
for model in ("decision", "viewpoint", "reply", "visit"):
    rules.add_perm(f"council.view_{model}", is_staff_member)
    rules.add_perm(f"council.delete_{model}", is_administrator)
