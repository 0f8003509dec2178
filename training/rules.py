import rules

from wijkportaal.permissions import (
    is_administrator,
    is_board_of,
    is_city_councillor,
    is_council_member,
    is_staff_member,
)

# Answering the wish inventory: the board of the wijkraad (the object is the wijkraad).
rules.add_perm("training.answer_inventory", is_board_of)
rules.add_perm("training.view_inventory_matrix", is_staff_member)
# Sessions are for wijkraad members; the conference also for council members.
rules.add_perm("training.enrol_session", is_council_member)
rules.add_perm("training.register_conference", is_council_member | is_city_councillor)
rules.add_perm("training.record_attendance", is_staff_member)
# Recording a conference as held (with attendance) or cancelled: officers.
rules.add_perm("training.record_conference", is_staff_member)

rules.add_perm("training", is_staff_member)
for model in (
    "topic",
    "wishanswer",
    "topicrank",
    "module",
    "session",
    "enrolment",
    "conference",
    "programmeitem",
    "conferenceregistration",
    "traininground",
):
    for verb in ("view", "add", "change"):
        rules.add_perm(f"training.{verb}_{model}", is_staff_member)
    rules.add_perm(f"training.delete_{model}", is_administrator)
# A conference's transitions are append-only: written by the service that moves it.
rules.add_perm("training.view_conferencetransition", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"training.{verb}_conferencetransition", rules.always_deny)
