"""Writes of the progress monitor. Every entry point (views, admin, tasks, other apps) calls
these; the rules live here once."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core.mail import mail_queue
from wijkportaal.core.registry import IndicatorSource, registry
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.desk.models import CaseStatus
from wijkportaal.desk.services import case_open, case_progress_for_subject
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .cache import monitor_cache_invalidate
from .models import (
    ACTION_MACHINE,
    ActionItem,
    ActionStatus,
    AnswerVersion,
    Follow,
    Indicator,
    IndicatorSnapshot,
    MyPageVisit,
    ProgressUpdate,
    Reaction,
    Recommendation,
    SnapshotKind,
    Stance,
)
from .reminders import dependency_done_dues
from .selectors import indicator_rows, waiting_on

logger = logging.getLogger(__name__)

UPDATE_MAX_LENGTH = 5000
REACTION_MAX_LENGTH = 2000
HIDE_REASON_MAX_LENGTH = 500

# The kind of case of a reaction on an action (registered in plugins.py).
REACTION_CASE = "recommendations.reaction"


# --- Actions ----------------------------------------------------------------------------------


def _reaches(edges: dict[int, set[int]], start: Iterable[int], target: int) -> bool:
    """Is `target` reachable from any of `start` following dependency edges?"""
    seen: set[int] = set()
    stack = list(start)
    while stack:
        node = stack.pop()
        if node == target:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return False


def action_validate(
    *,
    action_id: int | None,
    start_date: datetime.date | None,
    due_date: datetime.date | None,
    dependency_ids: Iterable[int] = (),
    progress: int | None = None,
) -> None:
    """Check an action's planning before it is saved (the admin form and the seed use this):
    the due date is not before the start, progress lies in 0–100, and the dependencies form no
    cycle. Raises ValidationError keyed by field. Two queries at most, whatever the size."""
    errors: dict[str, str] = {}
    if start_date and due_date and due_date < start_date:
        errors["due_date"] = _("De einddatum ligt vóór de startdatum. Kies een latere datum.")
    if progress is not None and not 0 <= progress <= 100:
        errors["progress"] = _("De voortgang ligt tussen 0 en 100 procent.")
    dependency_ids = {int(pk) for pk in dependency_ids}
    if action_id is not None and dependency_ids:
        if action_id in dependency_ids:
            errors["dependencies"] = _("Een actie kan niet op zichzelf wachten.")
        else:
            edges: dict[int, set[int]] = {}
            through = ActionItem.dependencies.through.objects.values_list(
                "from_actionitem_id", "to_actionitem_id"
            )
            for source, target in through:
                if source != action_id:
                    edges.setdefault(source, set()).add(target)
            if _reaches(edges, dependency_ids, action_id):
                names = ", ".join(
                    ActionItem.objects.filter(pk__in=dependency_ids)
                    .order_by("title")
                    .values_list("title", flat=True)
                )
                errors["dependencies"] = _(
                    "Deze afhankelijkheden maken een kringloop: een van %(names)s wacht "
                    "(via andere acties) al op deze actie."
                ) % {"names": names}
    if errors:
        raise ValidationError(errors)


def action_saved(*, action: ActionItem | None = None) -> None:
    """Call after an action (or a recommendation, an indicator) was saved outside the services,
    e.g. in the admin: the public pages must show the change."""
    monitor_cache_invalidate()


# --- Progress updates -------------------------------------------------------------------------


def progress_update_check(
    *,
    action: ActionItem,
    text: str,
    status: str | None,
    progress: int | None,
    dependencies: Iterable[ActionItem] | None = None,
) -> tuple[str, str, int]:
    """Validate an update for `action` without writing; returns (text, status, progress) as they
    will be stored. Shared by the services below and the admin form (which passes the
    `dependencies` it is about to save).

    Rules: every update has a text; a status change is a move the transition table
    (ACTION_MACHINE) allows; an action cannot be set afgerond while it waits for an unfinished
    dependency; afgerond sets progress to 100."""
    text = (text or "").strip()
    new_status = status or action.status
    new_progress = action.progress if progress is None else progress
    errors: dict[str, list[str]] = {}
    if not text:
        errors["text"] = [_("Schrijf bij elke update wat er veranderde.")]
    elif len(text) > UPDATE_MAX_LENGTH:
        errors["text"] = [_("Een update is hoogstens 5000 tekens lang.")]
    if new_status != action.status:
        try:
            ACTION_MACHINE.check(action.status, new_status, field="status")
        except ValidationError as error:
            errors.update(error.message_dict)
    if not isinstance(new_progress, int) or not 0 <= new_progress <= 100:
        errors["progress"] = [_("De voortgang ligt tussen 0 en 100 procent.")]
    if new_status == ActionStatus.DONE:
        waiting = waiting_on(action, dependencies)
        if waiting and "status" not in errors:
            errors["status"] = [
                _("Deze actie wacht nog op: %(names)s. Rond die eerst af.")
                % {"names": ", ".join(dep.title for dep in waiting)}
            ]
        new_progress = 100
    if errors:
        raise ValidationError(errors)
    return text, new_status, new_progress


def _progress_update_write(
    *, actor: User, action: ActionItem, text: str, status: str | None, progress: int | None
) -> ProgressUpdate:
    """Check and write one update on `action` (locked by the caller, whose rule was checked):
    the signed entry with its before/after, the action's new state, the mail to the owners of
    actions that waited on it when it became afgerond, and a fresh monitor."""
    text, new_status, new_progress = progress_update_check(
        action=action, text=text, status=status, progress=progress
    )
    update = ProgressUpdate.objects.create(
        action=action,
        author=actor,
        created_at=timezone.now(),
        text=text,
        status_before=action.status,
        status_after=new_status,
        progress_before=action.progress,
        progress_after=new_progress,
    )
    became_done = action.status != ActionStatus.DONE and new_status == ActionStatus.DONE
    action.status = new_status
    action.progress = new_progress
    action.last_progress_at = update.created_at
    action.save(update_fields=["status", "progress", "last_progress_at", "updated_at"])
    if became_done:
        mail_queue(dependency_done_dues(action))
    monitor_cache_invalidate()
    return update


@transaction.atomic
def progress_update_create(
    *,
    actor: User,
    action: ActionItem,
    text: str,
    status: str | None = None,
    progress: int | None = None,
) -> ProgressUpdate:
    """Post a dated, signed update on an action's timeline, optionally changing its status and
    progress in the same transaction.

    Rules: only officers of the owning department and administrators post
    (`recommendations.post_progress`); the update passes progress_update_check (a text, an
    allowed move, afgerond waits for its dependencies). When the action becomes afgerond, the
    owners of actions waiting on it hear that they can start."""
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if not actor.has_perm("recommendations.post_progress", action):
        raise PermissionDenied
    return _progress_update_write(
        actor=actor, action=action, text=text, status=status, progress=progress
    )


@transaction.atomic
def progress_update_from_deliverable(*, actor: User, deliverable, text: str) -> ProgressUpdate:
    """A workgroup delivered the product that completes its linked action: the action becomes
    afgerond with an update signed by `actor`, who completed the deliverable.

    `deliverable` is a workgroups Deliverable (that app sits above this one, so it is not
    imported). Its own rule, `recommendations.complete_action_by_deliverable`: the deliverable
    is delivered, is linked to an action, and the actor may complete it (the chair of the
    workgroup need not be an officer of the owning department). The update passes the same
    checks as any other: the action cannot become afgerond while it waits for a dependency."""
    if not actor.has_perm("recommendations.complete_action_by_deliverable", deliverable):
        raise PermissionDenied
    action = ActionItem.objects.select_for_update().get(pk=deliverable.action_id)
    return _progress_update_write(
        actor=actor, action=action, text=text, status=ActionStatus.DONE, progress=None
    )


# --- Reactions --------------------------------------------------------------------------------


def _reacting_council(actor: User, council: NeighbourhoodCouncil | None):
    memberships = Membership.objects.current().filter(person=actor).select_related("council")
    councils = {m.council_id: m.council for m in memberships}
    if council is not None:
        return councils.get(council.pk)
    return sorted(councils.values(), key=lambda c: c.name)[0] if councils else None


@transaction.atomic
def reaction_create(
    *,
    actor: User,
    action: ActionItem,
    text: str,
    council: NeighbourhoodCouncil | None = None,
) -> Reaction:
    """A wijkraad member reacts on an action; the reaction shows their wijkraad's name
    (`council`, or their first wijkraad by name). Empty or over 2000 characters is refused.
    The reaction is a case at the desk (kind "recommendations.reaction"), owned by the action's
    department unless an administrator routed it elsewhere; the desk sends the receipt and the
    new-case mail."""
    if not actor.has_perm("recommendations.react_actionitem", action):
        raise PermissionDenied
    reacting_council = _reacting_council(actor, council)
    if reacting_council is None:
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError(
            {"text": _("Schrijf een reactie; een lege reactie plaatsen we niet.")}
        )
    if len(text) > REACTION_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("Een reactie is hoogstens %(max)s tekens lang; deze telt er %(n)s.")
                % {"max": REACTION_MAX_LENGTH, "n": len(text)}
            }
        )
    reaction = Reaction.objects.create(
        action=action, author=actor, council=reacting_council, text=text
    )
    case_open(
        kind=REACTION_CASE,
        title=_("Reactie op de actie %(title)s") % {"title": action.title},
        summary=text,
        subject=reaction,
        council=reacting_council,
        submitted_by=actor,
        department=action.department,
    )
    return reaction


@transaction.atomic
def reaction_hide(*, actor: User, reaction: Reaction, reason: str) -> Reaction:
    """An officer hides a reaction with a reason. The reaction is kept (and its history shows
    who hid it when); the public page shows that it was hidden and why. Its case at the desk
    is closed with that reason (the desk tells the author, unless it was answered already)."""
    if not actor.has_perm("recommendations.hide_reaction", reaction):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"hidden_reason": _("Geef een reden om de reactie te verbergen.")})
    if len(reason) > HIDE_REASON_MAX_LENGTH:
        raise ValidationError({"hidden_reason": _("Een reden is hoogstens 500 tekens lang.")})
    reaction = Reaction.objects.select_for_update().get(pk=reaction.pk)
    reaction.hidden_at = timezone.now()
    reaction.hidden_by = actor
    reaction.hidden_reason = reason
    reaction._change_reason = reason  # simple_history records it beside the change
    reaction.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    case_progress_for_subject(
        actor=actor,
        subject=reaction,
        status=CaseStatus.CLOSED,
        reason=_("De reactie is verborgen: %(reason)s") % {"reason": reason},
    )
    logger.info("Reaction %s hidden by user %s: %s", reaction.pk, actor.pk, reason)
    return reaction


def reaction_answered(case, actor: User, text: str) -> None:
    """The desk's on_answer hook for "recommendations.reaction": a public answer shows under
    the reaction on the action's page (an answer only for the wijkraad stays at the desk).
    Runs inside the desk's answering transaction; the desk checked the officer's right."""
    if not case.answer_public or case.object_id is None:
        return
    Reaction.objects.filter(pk=case.object_id).update(
        answer=text, answered_at=case.answered_at, answered_by_department=case.department.name
    )
    monitor_cache_invalidate()


# --- Following --------------------------------------------------------------------------------


def _follow_target(recommendation, action) -> dict:
    if (recommendation is None) == (action is None):
        raise ValueError("Follow exactly one recommendation or one action.")
    return {"recommendation": recommendation} if recommendation else {"action": action}


@transaction.atomic
def follow_create(
    *,
    actor: User,
    recommendation: Recommendation | None = None,
    action: ActionItem | None = None,
) -> Follow:
    """Follow a recommendation or an action (idempotent)."""
    if not actor.has_perm("recommendations.follow"):
        raise PermissionDenied
    follow, _created = Follow.objects.get_or_create(
        user=actor, **_follow_target(recommendation, action)
    )
    return follow


@transaction.atomic
def follow_delete(
    *,
    actor: User,
    recommendation: Recommendation | None = None,
    action: ActionItem | None = None,
) -> None:
    """Stop following (idempotent)."""
    if not actor.has_perm("recommendations.follow"):
        raise PermissionDenied
    Follow.objects.filter(user=actor, **_follow_target(recommendation, action)).delete()


# What changed stays on /mijn/ this long after it was first shown, unless marked as read.
CHANGES_SHOWN_FOR = datetime.timedelta(days=1)


def my_page_changes_since(*, user: User, at: datetime.datetime | None = None):
    """The moment after which changes are new for the user on /mijn/ (None: never read, show
    the recent ones). Looking does not mark them as read, so they survive a refresh; a day
    after the changes were first shown, they count as read (the moment they were shown)."""
    at = at or timezone.now()
    visit, created = MyPageVisit.objects.get_or_create(
        user=user, defaults={"read_until": None, "shown_at": at}
    )
    if created:
        return None
    if visit.shown_at is None:
        visit.shown_at = at
        visit.save(update_fields=["shown_at"])
    elif at - visit.shown_at >= CHANGES_SHOWN_FOR:
        visit.read_until = visit.shown_at
        visit.shown_at = at
        visit.save(update_fields=["read_until", "shown_at"])
    return visit.read_until


@transaction.atomic
def my_page_changes_read(*, actor: User, at: datetime.datetime | None = None) -> None:
    """The reader marks what changed on /mijn/ as read: only later changes show from now on."""
    if not actor.is_authenticated:
        raise PermissionDenied
    MyPageVisit.objects.update_or_create(
        user=actor, defaults={"read_until": at or timezone.now(), "shown_at": None}
    )


# --- Indicators -------------------------------------------------------------------------------


@transaction.atomic
def indicator_manual_set(*, actor: User, indicator: Indicator, value) -> Indicator:
    """An officer sets the value of a handmatig indicator; who and when are kept beside it.
    An indicator with a live source takes no manual value: its figure comes from the data."""
    if not actor.has_perm("recommendations.set_indicator_value", indicator):
        raise PermissionDenied
    if indicator.source and indicator.source in registry.keys(IndicatorSource):
        raise ValidationError(
            {"manual_value": _("Deze indicator wordt live berekend; een waarde invullen kan niet.")}
        )
    if value is not None:
        try:
            value = Decimal(str(value))
        except InvalidOperation as error:
            raise ValidationError({"manual_value": _("Vul een getal in.")}) from error
        if value < 0 or value >= Decimal("1e8"):
            raise ValidationError({"manual_value": _("Vul een getal van 0 tot 100 miljoen in.")})
    indicator.manual_value = value
    indicator.manual_set_by = actor
    indicator.manual_set_at = timezone.now()
    indicator.save(update_fields=["manual_value", "manual_set_by", "manual_set_at"])
    monitor_cache_invalidate()
    return indicator


def _month(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment).replace(day=1)


@transaction.atomic
def indicator_snapshots_take(
    *, kind: str = SnapshotKind.MONTHLY, actor: User | None = None, now=None, indicators=None
) -> int:
    """Store a dated snapshot of every indicator, as computed at `now`. The monthly run stores
    at most one per indicator per month (a second run in the same month stores nothing); an
    officer may ask for one at any moment. Snapshots are never changed afterwards. Returns
    the number stored."""
    if kind == SnapshotKind.REQUESTED and (
        actor is None or not actor.has_perm("recommendations.take_snapshot")
    ):
        raise PermissionDenied
    now = now or timezone.now()
    month = _month(now)
    rows = indicator_rows(indicators if kind == SnapshotKind.REQUESTED else None, now=now)
    if kind == SnapshotKind.MONTHLY:
        done = set(
            IndicatorSnapshot.objects.filter(kind=kind, month=month).values_list(
                "indicator_id", flat=True
            )
        )
        rows = [row for row in rows if row["indicator"].pk not in done]
    snapshots = [
        IndicatorSnapshot(
            indicator=row["indicator"],
            kind=kind,
            month=month,
            taken_at=now,
            value=row["value"],
            target=row["target"],
            status=row["status"],
            live=row["live"],
            period_start=row["period"].start,
            period_end=row["period"].end,
            requested_by=actor if kind == SnapshotKind.REQUESTED else None,
        )
        for row in rows
    ]
    # A concurrent monthly run: the unique constraint keeps one per indicator and month.
    created = IndicatorSnapshot.objects.bulk_create(
        snapshots, ignore_conflicts=kind == SnapshotKind.MONTHLY
    )
    monitor_cache_invalidate()
    return len(created)


# --- The municipality's stance and answer -----------------------------------------------------

ANSWER_MAX_LENGTH = 10000
REASON_MAX_LENGTH = 2000


def answer_letter_version(
    *, recommendation: Recommendation, valid_from: datetime.date, actor: User | None = None
) -> AnswerVersion:
    """The first version: the letter's stance and answer, as the recommendation holds them.
    Written once (creating a recommendation, the demo data); a second call returns it."""
    first = recommendation.answer_versions.order_by("valid_from", "created_at", "pk").first()
    if first is not None:
        return first
    return AnswerVersion.objects.create(
        recommendation=recommendation,
        valid_from=valid_from,
        stance=recommendation.stance,
        answer=recommendation.answer,
        created_by=actor,
    )


def answer_revise_check(
    *, recommendation: Recommendation, stance: str, answer: str, reason: str
) -> tuple[str, str]:
    """The checks of a new version, for a form to show before it saves: returns the cleaned
    answer and reason, or raises ValidationError keyed by field."""
    errors = FieldErrors()
    with errors.collect():
        answer = clean_text(
            answer, field="answer", label=_("de reactie"), max_length=ANSWER_MAX_LENGTH
        )
    with errors.collect():
        reason = clean_text(
            reason,
            field="reason",
            label=_("de reden van de wijziging"),
            max_length=REASON_MAX_LENGTH,
        )
    if stance not in Stance.values:
        errors.add("stance", _("Kies een standpunt uit de lijst."))
    errors.raise_if_any()
    if stance == recommendation.stance and answer == recommendation.answer:
        raise ValidationError(
            {"answer": _("Standpunt en reactie zijn niet veranderd; er is geen nieuwe versie.")}
        )
    return answer, reason


@transaction.atomic
def answer_revise(
    *,
    actor: User,
    recommendation: Recommendation,
    stance: str,
    answer: str,
    reason: str,
    valid_from: datetime.date | None = None,
) -> AnswerVersion:
    """Only administrators change the municipality's stance and answer, always with a reason.
    The change is a new dated version; the earlier ones stay as they were."""
    if not actor.has_perm("recommendations.revise_answer", recommendation):
        raise PermissionDenied
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    answer, reason = answer_revise_check(
        recommendation=recommendation, stance=stance, answer=answer, reason=reason
    )
    # A recommendation from before the versions existed: its text so far is the first one.
    answer_letter_version(recommendation=recommendation, valid_from=timezone.localdate())
    version = AnswerVersion.objects.create(
        recommendation=recommendation,
        valid_from=valid_from or timezone.localdate(),
        stance=stance,
        answer=answer,
        reason=reason,
        created_by=actor,
    )
    recommendation.stance, recommendation.answer = stance, answer
    recommendation.save(update_fields=["stance", "answer", "updated_at"])
    monitor_cache_invalidate()
    return version
