"""The recommendations' part of the progress digest, registered with the notification digest
registry on import (apps.py imports this module).

Per user it reports, about the actions they follow (directly or through a recommendation),
the actions of their own department (officers) and the actions their wijkraad reacted on
(wijkraad members): new progress updates and status changes by others, actions that went past
their deadline, and deadlines in the coming period. Seven queries per batch of users, however
many users."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import UserKind
from wijkportaal.notifications.digests import DigestItem, local_zone
from wijkportaal.notifications.hooks import DigestSection
from wijkportaal.wijkraden.selectors import councils_of_people

from .models import ActionItem, ActionStatus, Follow, ProgressUpdate, Reaction

OTHER_GROUP = (999,)


def _path(name: str, fallback: str, **kwargs) -> str:
    # The progress pages' URL names arrive with the progress monitor; the paths are stable.
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return fallback


def action_path(action_id: int) -> str:
    return _path("recommendations:action-detail", f"/voortgang/acties/{action_id}/", pk=action_id)


def recommendation_path(number: int) -> str:
    return _path(
        "recommendations:recommendation-detail",
        f"/voortgang/aanbevelingen/{number}/",
        number=number,
    )


def recommendations_digest_section(
    users, since_by_user: dict[int, datetime.datetime], until: datetime.datetime
) -> dict[int, list[DigestItem]]:
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    followed_recs: dict[int, set[int]] = defaultdict(set)
    followed_actions: dict[int, set[int]] = defaultdict(set)
    for user_id, rec_id, action_id in Follow.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "recommendation_id", "action_id"
    ):
        if rec_id:
            followed_recs[user_id].add(rec_id)
        else:
            followed_actions[user_id].add(action_id)
    councils_by_user = councils_of_people(user_ids)
    reacted_by_council: dict[int, set[int]] = defaultdict(set)
    all_councils = set().union(*councils_by_user.values()) if councils_by_user else set()
    if all_councils:
        for council_id, action_id in (
            Reaction.objects.filter(council_id__in=all_councils, hidden_at__isnull=True)
            .values_list("council_id", "action_id")
            .distinct()
        ):
            reacted_by_council[council_id].add(action_id)
    department_by_user = {
        user.pk: user.department_id
        for user in users
        if user.kind == UserKind.OFFICER and user.department_id
    }

    # All actions with their recommendations: a few dozen rows in practice, two queries.
    actions = {
        action.pk: action
        for action in ActionItem.objects.only(
            "pk", "title", "status", "due_date", "department_id"
        ).prefetch_related("recommendations")
    }
    actions_by_rec: dict[int, set[int]] = defaultdict(set)
    actions_by_department: dict[int, set[int]] = defaultdict(set)
    action_recs: dict[int, set[int]] = {}
    for action in actions.values():
        actions_by_department[action.department_id].add(action.pk)
        action_recs[action.pk] = {rec.pk for rec in action.recommendations.all()}
        for rec_id in action_recs[action.pk]:
            actions_by_rec[rec_id].add(action.pk)

    earliest = min(since_by_user.values())
    updates_by_action = defaultdict(list)
    for update in (
        ProgressUpdate.objects.filter(created_at__gte=earliest, created_at__lt=until)
        .order_by("created_at", "pk")
        .values(
            "pk", "action_id", "author_id", "created_at", "text", "status_before", "status_after"
        )
    ):
        updates_by_action[update["action_id"]].append(update)

    # What each change says is the same for every reader: prepare it once, not per reader.
    status_labels = dict(ActionStatus.choices)
    zone = local_zone()
    until_date = until.astimezone(zone).date()
    update_parts = {}
    for updates in updates_by_action.values():
        for update in updates:
            if update["status_before"] != update["status_after"]:
                label = _("Status %(before)s → %(after)s") % {
                    "before": status_labels.get(update["status_before"]),
                    "after": status_labels.get(update["status_after"]),
                }
            else:
                label = _("Nieuw voortgangsbericht")
            update_parts[update["pk"]] = {
                "label": label,
                "text": Truncator(update["text"]).chars(240),
                "when_label": date_format(update["created_at"].astimezone(zone), "j F Y"),
                "order": (0, update["created_at"]),
            }
    action_urls = {action_id: action_path(action_id) for action_id in actions}
    due_labels = {
        action_id: date_format(action.due_date, "j F Y")
        for action_id, action in actions.items()
        if action.due_date and not action.is_closed
    }
    overdue_label, deadline_label = _("Over de deadline"), _("Deadline komt eraan")
    groups: dict[tuple[int, frozenset], tuple] = {}

    result: dict[int, list[DigestItem]] = {}
    for user in users:
        since = since_by_user[user.pk]
        since_date = since.astimezone(zone).date()
        horizon = until_date + max(until - since, datetime.timedelta(days=1))
        followed = followed_recs.get(user.pk, set())
        relevant = set(followed_actions.get(user.pk, ()))
        for rec_id in followed:
            relevant |= actions_by_rec[rec_id]
        if user.pk in department_by_user:
            relevant |= actions_by_department[department_by_user[user.pk]]
        for council_id in councils_by_user.get(user.pk, ()):
            relevant |= reacted_by_council[council_id]
        items = []
        for action_id in relevant:
            action = actions.get(action_id)
            if action is None:
                continue
            group_cache_key = (action_id, frozenset(followed & action_recs[action_id]))
            group = groups.get(group_cache_key)
            if group is None:
                group = groups[group_cache_key] = _group_of(action, followed)
            url = action_urls[action_id]
            for update in updates_by_action.get(action_id, ()):
                if update["author_id"] == user.pk or not since <= update["created_at"] < until:
                    continue
                items.append(
                    DigestItem(*group, title=action.title, url=url, **update_parts[update["pk"]])
                )
            if action_id not in due_labels:
                continue
            if since_date <= action.due_date < until_date:
                items.append(
                    DigestItem(
                        *group,
                        label=overdue_label,
                        title=action.title,
                        url=url,
                        when_label=due_labels[action_id],
                        order=(1, action.due_date),
                    )
                )
            elif until_date <= action.due_date < horizon:
                items.append(
                    DigestItem(
                        *group,
                        label=deadline_label,
                        title=action.title,
                        url=url,
                        change=False,
                        when_label=due_labels[action_id],
                        order=(2, action.due_date),
                    )
                )
        if items:
            result[user.pk] = items
    return result


def _group_of(action: ActionItem, followed_rec_ids: set[int]) -> tuple:
    """(key, title, url) of the recommendation to list the action under: one the user follows,
    otherwise the lowest-numbered."""
    recs = sorted(action.recommendations.all(), key=lambda rec: rec.number)
    if not recs:
        return OTHER_GROUP, _("Overige acties"), "/voortgang/"
    rec = next((rec for rec in recs if rec.pk in followed_rec_ids), recs[0])
    return (
        (rec.number,),
        _("Aanbeveling %(number)s: %(title)s") % {"number": rec.number, "title": rec.title},
        recommendation_path(rec.number),
    )


PLUGINS = [DigestSection("recommendations", build=recommendations_digest_section, order=30)]
