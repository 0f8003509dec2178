import rules

from wijkportaal.permissions import (
    is_administrator,
    is_council_member,
    is_officer,
    is_staff_member,
)


@rules.predicate
def is_officer_of_owning_department(user, action) -> bool:
    return (
        action is not None
        and user.department_id is not None
        and user.department_id == action.department_id
    )


@rules.predicate
def no_object(user, obj) -> bool:
    return obj is None


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def completes_its_action(user, deliverable) -> bool:
    """A workgroup's deliverable (workgroups sits above this app: the object comes in, its
    module is not imported) that is delivered and linked to an action, completed by someone who
    may complete it."""
    return (
        deliverable is not None
        and deliverable.action_id is not None
        and deliverable.is_done
        and user.has_perm("workgroups.complete_deliverable", deliverable)
    )


can_post_progress = is_administrator | (is_officer & is_officer_of_owning_department)

rules.add_perm("recommendations", is_staff_member)
rules.add_perm("recommendations.post_progress", can_post_progress)
# A delivered workgroup product completes its linked action, signed by whoever delivered it.
rules.add_perm("recommendations.complete_action_by_deliverable", completes_its_action)
# Reactions come from wijkraad members and are shown with their wijkraad's name.
rules.add_perm("recommendations.react_actionitem", is_council_member)
rules.add_perm("recommendations.hide_reaction", is_staff_member)
rules.add_perm("recommendations.follow", is_logged_in)

# Officers set the value of a handmatig indicator (signed and dated) and may ask for a snapshot;
# only administrators change the municipality's stance and answer (a new version, with a reason).
rules.add_perm("recommendations.set_indicator_value", is_staff_member)
rules.add_perm("recommendations.take_snapshot", is_staff_member)
rules.add_perm("recommendations.revise_answer", is_administrator)

# The admin (ObjectPermissionsModelAdmin asks these names). Officers edit actions, not the
# recommendations and the municipality's answer.
rules.add_perm("recommendations.view_recommendation", is_staff_member)
rules.add_perm("recommendations.add_recommendation", is_administrator)
rules.add_perm("recommendations.change_recommendation", is_administrator)
rules.add_perm("recommendations.delete_recommendation", is_administrator)
rules.add_perm("recommendations.view_indicator", is_staff_member)
rules.add_perm("recommendations.add_indicator", is_administrator)
rules.add_perm("recommendations.change_indicator", is_staff_member)
rules.add_perm("recommendations.delete_indicator", is_administrator)
# Snapshots and answer versions are history: written by the services, never edited.
for model in ("indicatorsnapshot", "answerversion"):
    rules.add_perm(f"recommendations.view_{model}", is_staff_member)
    rules.add_perm(f"recommendations.add_{model}", rules.always_deny)
    rules.add_perm(f"recommendations.change_{model}", rules.always_deny)
    rules.add_perm(f"recommendations.delete_{model}", rules.always_deny)
rules.add_perm("recommendations.view_programmeevent", is_staff_member)
rules.add_perm("recommendations.add_programmeevent", is_administrator)
rules.add_perm("recommendations.change_programmeevent", is_administrator)
rules.add_perm("recommendations.delete_programmeevent", is_administrator)
rules.add_perm("recommendations.view_actionitem", is_staff_member)
rules.add_perm("recommendations.add_actionitem", is_staff_member)
# Without an object (the changelist) any officer may open the form; per action only the owning
# department's officers and administrators change it.
rules.add_perm(
    "recommendations.change_actionitem",
    is_administrator | (is_officer & (no_object | is_officer_of_owning_department)),
)
rules.add_perm("recommendations.delete_actionitem", is_administrator)
rules.add_perm("recommendations.export_actionitem", is_staff_member)
rules.add_perm("recommendations.view_progressupdate", is_staff_member)
rules.add_perm("recommendations.add_progressupdate", rules.always_deny)  # via the action page
rules.add_perm("recommendations.change_progressupdate", rules.always_deny)  # append-only
rules.add_perm("recommendations.delete_progressupdate", rules.always_deny)
rules.add_perm("recommendations.view_reaction", is_staff_member)
rules.add_perm("recommendations.add_reaction", rules.always_deny)  # on the public page
rules.add_perm("recommendations.change_reaction", is_staff_member)  # hiding, with a reason
rules.add_perm("recommendations.delete_reaction", rules.always_deny)  # kept, never deleted
rules.add_perm("recommendations.view_follow", is_administrator)
rules.add_perm("recommendations.add_follow", rules.always_deny)
rules.add_perm("recommendations.change_follow", rules.always_deny)
rules.add_perm("recommendations.delete_follow", is_administrator)
rules.add_perm("recommendations.view_mypagevisit", is_administrator)
rules.add_perm("recommendations.add_mypagevisit", rules.always_deny)
rules.add_perm("recommendations.change_mypagevisit", rules.always_deny)
rules.add_perm("recommendations.delete_mypagevisit", rules.always_deny)
