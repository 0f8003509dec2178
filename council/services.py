"""Writes of the council app: important political choices, views, replies, following, and
council members' visits. Views and the admin call these; the rules live here once.

Mail goes through the outbox (`mail_queue`) inside the transaction. Each occasion has a stable
key, so a message is sent once: the boards of a wijkraad hear of a decision once however often
it is edited, the followers hear of a view once however often the board rewrites it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core.mail import Due, mail_queue
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .models import (
    OUTCOME_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    VIEW_MAX_LENGTH,
    Decision,
    Reply,
    Viewpoint,
    Visit,
)

KIND_LISTED = "council.decision_listed"
KIND_VIEWPOINT = "council.viewpoint_given"
KIND_REPLY = "council.reply_given"
KIND_OUTCOME = "council.decision_outcome"
KIND_VISIT = "council.visit_registered"


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _url(obj_or_path) -> str:
    path = obj_or_path if isinstance(obj_or_path, str) else obj_or_path.get_absolute_url()
    return settings.SITE_URL.rstrip("/") + path


def _board_ids(council_ids: Iterable[int], today: datetime.date) -> list[tuple[int, int]]:
    """(person id, wijkraad id) of the current board members of these wijkraden: one query."""
    return list(
        Membership.objects.current(today)
        .board()
        .filter(council_id__in=list(council_ids), person__is_active=True)
        .values_list("person_id", "council_id")
    )


def _follower_ids(decision: Decision) -> list[int]:
    return list(decision.followers.filter(is_active=True).values_list("pk", flat=True))


# --- decisions ------------------------------------------------------------------------------


@transaction.atomic
def decision_save(
    *,
    actor: User,
    decision: Decision | None = None,
    title: str,
    summary: str,
    decision_date: datetime.date | None,
    link: str = "",
    councils: Iterable[NeighbourhoodCouncil] = (),
    outcome: str = "",
    today: datetime.date | None = None,
) -> Decision:
    """An officer lists a coming council decision, or edits one (and, from its date on,
    records the outcome). The boards of the wijkraden concerned are told once per wijkraad;
    when the outcome is recorded, the boards concerned and the followers are told once."""
    if not actor.has_perm("council.manage_decision"):
        raise PermissionDenied
    today = today or timezone.localdate()
    councils = list(councils)
    errors = FieldErrors()
    with errors.collect():
        title = clean_text(title, field="title", label=_("een titel"), max_length=200)
    with errors.collect():
        summary = clean_text(
            summary, field="summary", label=_("een samenvatting"), max_length=SUMMARY_MAX_LENGTH
        )
    with errors.collect():
        outcome = clean_text(
            outcome, field="outcome", required=False, max_length=OUTCOME_MAX_LENGTH
        )
    link = (link or "").strip()
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            errors.add("link", _("Geef een volledig webadres, beginnend met https://."))
    if decision_date is None:
        errors.add("decision_date", _("Vul de besluitdatum in."))
    elif decision is None and decision_date < today:
        errors.add(
            "decision_date",
            _("Een nieuwe keuze ligt nog vóór de raad: kies een besluitdatum vanaf vandaag."),
        )
    elif outcome and decision_date > today:
        errors.add(
            "outcome",
            _("De raad besluit op %(date)s; de uitkomst legt u vast vanaf die dag.")
            % {"date": _date(decision_date)},
        )
    errors.raise_if_any()
    if decision is None:
        decision = Decision(created_by=actor)
        had_outcome = False
    else:
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        had_outcome = bool(decision.outcome)
    decision.title, decision.summary, decision.link = title, summary, link
    decision.decision_date = decision_date
    if outcome != decision.outcome:
        decision.outcome = outcome
        decision.outcome_recorded_at = timezone.now() if outcome else None
    decision.save()
    decision.councils.set(councils)
    dues = [
        Due(
            recipient_id=person_id,
            kind=KIND_LISTED,
            occasion=f"decision:{decision.pk}:council:{council_id}",
            about=decision,
            context={
                "event": "listed",
                "decision": decision,
                "council": next(c for c in councils if c.pk == council_id),
                "url": _url(decision),
            },
        )
        for person_id, council_id in _board_ids([c.pk for c in councils], today)
    ]
    if outcome and not had_outcome:
        dues += _outcome_dues(decision, councils, today)
    mail_queue(dues)
    return decision


def _outcome_dues(decision: Decision, councils, today) -> list[Due]:
    recipients = {person_id for person_id, _c in _board_ids([c.pk for c in councils], today)}
    recipients |= set(_follower_ids(decision))
    return [
        Due(
            recipient_id=person_id,
            kind=KIND_OUTCOME,
            occasion=f"decision:{decision.pk}:outcome",
            about=decision,
            context={"event": "outcome", "decision": decision, "url": _url(decision)},
        )
        for person_id in sorted(recipients)
    ]


@transaction.atomic
def decision_follow(*, actor: User, decision: Decision, follow: bool = True) -> bool:
    """A council member follows a decision (new views and the outcome reach them), or stops."""
    if not actor.has_perm("council.follow_decision", decision):
        raise PermissionDenied(_("Alleen gemeenteraadsleden volgen een politieke keuze."))
    if follow:
        decision.followers.add(actor)
    else:
        decision.followers.remove(actor)
    return follow


# --- views and replies ----------------------------------------------------------------------


@transaction.atomic
def viewpoint_give(
    *,
    actor: User,
    decision: Decision,
    council: NeighbourhoodCouncil,
    text: str,
    today: datetime.date | None = None,
) -> Viewpoint:
    """The board gives (or rewrites) its wijkraad's view on a decision, until the day before
    the council decides. The followers of the decision hear of a new view once."""
    if not actor.has_perm("council.give_viewpoint", council):
        raise PermissionDenied(_("Alleen het bestuur van de wijkraad geeft een zienswijze."))
    today = today or timezone.localdate()
    # The lock serialises the views on one decision (and a change of its date).
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if today >= decision.decision_date:
        raise ValidationError(
            {
                "text": _(
                    "De raad besluit op %(date)s. Een zienswijze kan tot en met de dag ervoor; "
                    "nu kan dat niet meer."
                )
                % {"date": _date(decision.decision_date)}
            }
        )
    text = clean_text(text, field="text", label=_("de zienswijze"), max_length=VIEW_MAX_LENGTH)
    try:
        with transaction.atomic():
            viewpoint, _created = Viewpoint.objects.update_or_create(
                decision=decision, council=council, defaults={"text": text, "given_by": actor}
            )
    except IntegrityError as error:  # the same board, twice at the same moment
        raise ValidationError(_("Probeer het nog eens.")) from error
    mail_queue(
        Due(
            recipient_id=person_id,
            kind=KIND_VIEWPOINT,
            occasion=f"viewpoint:{viewpoint.pk}",
            about=decision,
            context={
                "event": "viewpoint",
                "decision": decision,
                "council": council,
                "url": _url(decision),
            },
        )
        for person_id in _follower_ids(decision)
    )
    return viewpoint


@transaction.atomic
def reply_give(*, actor: User, viewpoint: Viewpoint, text: str) -> Reply:
    """A council member answers a wijkraad's view; the wijkraad's board hears of it."""
    if not actor.has_perm("council.reply_viewpoint", viewpoint):
        raise PermissionDenied(_("Alleen gemeenteraadsleden reageren op een zienswijze."))
    text = clean_text(text, field="text", label=_("uw reactie"), max_length=REPLY_MAX_LENGTH)
    reply = Reply.objects.create(viewpoint=viewpoint, author=actor, text=text)
    decision = viewpoint.decision
    mail_queue(
        Due(
            recipient_id=person_id,
            kind=KIND_REPLY,
            occasion=f"reply:{reply.pk}",
            about=decision,
            context={
                "event": "reply",
                "decision": decision,
                "council": viewpoint.council,
                "author": actor,
                "url": _url(decision),
            },
        )
        for person_id, _c in _board_ids([viewpoint.council_id], timezone.localdate())
    )
    return reply


# --- visits ---------------------------------------------------------------------------------


@transaction.atomic
def visit_register(
    *, actor: User, council: NeighbourhoodCouncil, date: datetime.date | None, topic: str
) -> Visit:
    """A council member registers a visit or meeting with a wijkraad (planned or held); the
    wijkraad's board is asked to confirm it once it took place."""
    # The kind too: a superuser has every permission, but only council members' visits count.
    if not actor.has_perm("council.register_visit") or actor.kind != UserKind.CITY_COUNCILLOR:
        raise PermissionDenied(_("Alleen gemeenteraadsleden registreren een bezoek."))
    errors = FieldErrors()
    with errors.collect():
        topic = clean_text(topic, field="topic", label=_("het onderwerp"), max_length=200)
    if date is None:
        errors.add("date", _("Vul de datum van het bezoek in."))
    if not council.active:
        errors.add("council", _("Deze wijkraad is niet meer actief."))
    errors.raise_if_any()
    visit = Visit.objects.create(councillor=actor, council=council, date=date, topic=topic)
    mail_queue(
        Due(
            recipient_id=person_id,
            kind=KIND_VISIT,
            occasion=f"visit:{visit.pk}",
            about=visit,
            context={"event": "visit", "visit": visit, "council": council, "url": _url(council)},
        )
        for person_id, _c in _board_ids([council.pk], timezone.localdate())
    )
    return visit


@transaction.atomic
def visit_confirm(*, actor: User, visit: Visit, today: datetime.date | None = None) -> Visit:
    """The board of the visited wijkraad confirms that the visit took place. A visit in the
    future cannot be confirmed yet."""
    if not actor.has_perm("council.confirm_visit", visit):
        raise PermissionDenied(_("Alleen het bestuur van de wijkraad bevestigt een bezoek."))
    today = today or timezone.localdate()
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.confirmed_at is not None:
        raise ValidationError(_("Dit bezoek is al bevestigd."))
    if visit.date > today:
        raise ValidationError(
            _(
                "Dit bezoek staat gepland op %(date)s. U bevestigt het pas als het heeft "
                "plaatsgevonden."
            )
            % {"date": _date(visit.date)}
        )
    visit.confirmed_at = timezone.now()
    visit.confirmed_by = actor
    visit.save(update_fields=["confirmed_at", "confirmed_by"])
    return visit
