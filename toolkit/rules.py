import rules

from wijkportaal.permissions import (
    is_administrator,
    is_board_member,
    is_board_of,
    is_staff_member,
)


@rules.predicate
def is_entry_author(user, entry) -> bool:
    return entry is not None and user.is_authenticated and entry.author_id == user.pk


@rules.predicate
def is_board_of_entry_council(user, entry) -> bool:
    return entry is not None and entry.council_id is not None and is_board_of(user, entry.council)


# The inventory of wijkraad A (object: the wijkraad): its board and officers.
rules.add_perm("toolkit.change_inventory", is_board_of | is_staff_member)
# Officers open inventory rounds.
rules.add_perm("toolkit.open_round", is_staff_member)
# Know-how: officers and wijkraad boards write; authors, the board of the wijkraad it was
# written for, and officers change it.
rules.add_perm("toolkit.add_knowhowentry", is_board_member | is_staff_member)
rules.add_perm(
    "toolkit.change_knowhowentry", is_entry_author | is_board_of_entry_council | is_staff_member
)
rules.add_perm("toolkit.ask_contact", rules.is_authenticated)

# The admin.
rules.add_perm("toolkit", is_staff_member)
for model in ("channelkind", "channel", "inventorystatus", "tag", "knowhowentry", "attachment"):
    rules.add_perm(f"toolkit.view_{model}", is_staff_member)
rules.add_perm("toolkit.add_channelkind", is_staff_member)
rules.add_perm("toolkit.change_channelkind", is_staff_member)
rules.add_perm("toolkit.delete_channelkind", is_administrator)
rules.add_perm("toolkit.add_channel", is_staff_member)
rules.add_perm("toolkit.change_channel", is_staff_member)
rules.add_perm("toolkit.delete_channel", is_staff_member)
rules.add_perm("toolkit.change_inventorystatus", is_administrator)
rules.add_perm("toolkit.add_tag", is_staff_member)
rules.add_perm("toolkit.change_tag", is_staff_member)
rules.add_perm("toolkit.delete_tag", is_staff_member)
rules.add_perm("toolkit.delete_knowhowentry", is_staff_member)
rules.add_perm("toolkit.add_attachment", is_staff_member)
rules.add_perm("toolkit.change_attachment", is_staff_member)
rules.add_perm("toolkit.delete_attachment", is_staff_member)
