"""Writes of the training programme and the conference. Views and the admin call these; the
rules live here once.

Seats: the session (or conference) row is locked with SELECT ... FOR UPDATE before counting the
seats taken, so two people asking for the last seat at the same moment are served one after the
other: the first gets it, the second lands on the waiting list. The unique constraint on
(session, person) stops a double enrolment even if two requests of one person race."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core import pagecache
from wijkportaal.notifications.hooks import Due
from wijkportaal.notifications.services import notification_queue, notifications_queue
from wijkportaal.wijkraden.models import InventoryRound, Membership, NeighbourhoodCouncil

from .models import (
    CONFERENCE_MACHINE,
    ROUND_KIND,
    Conference,
    ConferenceRegistration,
    ConferenceStatus,
    ConferenceTransition,
    Enrolment,
    SeatStatus,
    Session,
    Topic,
    TopicRank,
    WishAnswer,
)

MAX_WISHES_LENGTH = 2000
MAX_NEEDS_LENGTH = 1000


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _local(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


# --- wish inventory -------------------------------------------------------------------------


@transaction.atomic
def inventory_answer_save(
    *,
    actor: User,
    round: InventoryRound,  # noqa: A002 - the domain word
    council: NeighbourhoodCouncil,
    ranks: dict[int, int | None],
    own_wishes: str = "",
    today: datetime.date | None = None,
) -> WishAnswer:
    """Store (or replace) the wijkraad's answer in a round: the place of each topic (1 = most
    wanted; None = not chosen) and its own wishes. Only the board answers, only while the round
    is open; every place is used once."""
    if not actor.has_perm("training.answer_inventory", council):
        raise PermissionDenied(_("Alleen het bestuur van de wijkraad vult de inventarisatie in."))
    today = today or timezone.localdate()
    if round.kind != ROUND_KIND:
        raise ValidationError(_("Deze ronde hoort niet bij de scholingsinventarisatie."))
    if today > round.deadline:
        raise ValidationError(
            _("De termijn van deze ronde is verstreken op %(date)s; antwoorden kan niet meer.")
            % {"date": formats.date_format(round.deadline, "DATE_FORMAT")}
        )
    if today < round.opens_on:
        raise ValidationError(
            _("Deze ronde opent pas op %(date)s.")
            % {"date": formats.date_format(round.opens_on, "DATE_FORMAT")}
        )
    topics = {topic.pk: topic for topic in Topic.objects.filter(round=round)}
    own_wishes = (own_wishes or "").strip()
    errors: dict[str, list[str]] = {}
    chosen: dict[int, int] = {}
    taken: dict[int, Topic] = {}
    for topic_id, rank in sorted(ranks.items(), key=lambda item: (item[1] or 0, item[0])):
        if topic_id not in topics:
            errors.setdefault("__all__", []).append(_("Een van de onderwerpen bestaat niet."))
            continue
        if rank is None:
            continue
        field = f"topic_{topic_id}"
        if not isinstance(rank, int) or not 1 <= rank <= len(topics):
            errors.setdefault(field, []).append(
                _("Kies een plaats van 1 tot en met %(max)s.") % {"max": len(topics)}
            )
        elif rank in taken:
            errors.setdefault(field, []).append(
                _(
                    "Plaats %(rank)s is al gegeven aan ‘%(topic)s’. "
                    "Geef elk onderwerp een eigen plaats."
                )
                % {"rank": rank, "topic": taken[rank].title}
            )
        else:
            taken[rank] = topics[topic_id]
            chosen[topic_id] = rank
    if len(own_wishes) > MAX_WISHES_LENGTH:
        errors.setdefault("own_wishes", []).append(
            _("Beschrijf uw eigen wensen in hoogstens %(max)s tekens.") % {"max": MAX_WISHES_LENGTH}
        )
    if not errors and not chosen and not own_wishes:
        errors["__all__"] = [
            _("Geef minstens één onderwerp een plaats, of beschrijf een eigen wens.")
        ]
    if errors:
        raise ValidationError(errors)
    answer, _created = WishAnswer.objects.select_for_update().get_or_create(
        round=round, council=council, defaults={"answered_by": actor, "own_wishes": own_wishes}
    )
    answer.answered_by = actor
    answer.own_wishes = own_wishes
    answer.save()
    answer.ranks.all().delete()
    TopicRank.objects.bulk_create(
        TopicRank(answer=answer, topic_id=topic_id, rank=rank) for topic_id, rank in chosen.items()
    )
    pagecache.bump("training")  # bulk_create sends no signal
    return answer


# --- sessions -------------------------------------------------------------------------------


def session_mail_context(session: Session) -> dict:
    return {
        "session": session,
        "what": str(session.module.title),
        "when": _local(session.starts_at),
        "where": session.location or session.online_url,
        "url": absolute_url(session.get_absolute_url()),
        "ics_url": absolute_url(reverse("training:session-ical", kwargs={"pk": session.pk})),
    }


def _occasion_stamp(moment: datetime.datetime) -> int:
    return int(moment.timestamp())


def _queue_enrolment_mail(enrolment: Enrolment) -> None:
    notification_queue(
        recipient_id=enrolment.person_id,
        kind="training.enrolment",
        occasion=f"enrolment:{enrolment.pk}:{enrolment.status}:{_occasion_stamp(enrolment.requested_at)}",
        about=enrolment.session,
        context={**session_mail_context(enrolment.session), "status": enrolment.status},
    )


def _promote_session_waitlist(session: Session, now: datetime.datetime) -> list[Enrolment]:
    """Give free seats to the first people on the waiting list; mail them at once.
    The caller holds the lock on the session row."""
    taken = session.enrolments.filter(status=SeatStatus.ENROLLED).count()
    free = session.capacity - taken
    if free <= 0:
        return []
    promoted = list(
        session.enrolments.filter(status=SeatStatus.WAITING)
        .order_by("requested_at", "pk")
        .select_related("person")[:free]
    )
    for enrolment in promoted:
        enrolment.status = SeatStatus.ENROLLED
        enrolment.save(update_fields=["status"])
        notification_queue(
            recipient_id=enrolment.person_id,
            kind="training.promoted",
            occasion=f"promoted:enrolment:{enrolment.pk}:{_occasion_stamp(now)}",
            about=session,
            context=session_mail_context(session),
        )
    return promoted


@transaction.atomic
def enrolment_create(
    *, actor: User, session: Session, now: datetime.datetime | None = None
) -> Enrolment:
    """Enrol the actor in a session: a seat while there is one, otherwise the waiting list.
    Sends the confirmation (with a link to the session's calendar file) through the outbox."""
    if not actor.has_perm("training.enrol_session"):
        raise PermissionDenied(_("Alleen wijkraadsleden kunnen zich inschrijven voor scholing."))
    now = now or timezone.now()
    # The lock serialises everyone who enrols in this session.
    session = Session.objects.select_for_update().select_related("module").get(pk=session.pk)
    if session.starts_at <= now:
        raise ValidationError(
            _("Deze bijeenkomst is al begonnen of voorbij; inschrijven kan niet meer.")
        )
    existing = Enrolment.objects.filter(session=session, person=actor).first()
    if existing is not None and existing.status == SeatStatus.ENROLLED:
        raise ValidationError(_("U bent al ingeschreven voor deze bijeenkomst."))
    if existing is not None and existing.status == SeatStatus.WAITING:
        raise ValidationError(_("U staat al op de wachtlijst voor deze bijeenkomst."))
    taken = session.enrolments.filter(status=SeatStatus.ENROLLED).count()
    status = SeatStatus.ENROLLED if taken < session.capacity else SeatStatus.WAITING
    if existing is not None:
        existing.status, existing.requested_at, existing.attended = status, now, False
        existing.save(update_fields=["status", "requested_at", "attended"])
        enrolment = existing
    else:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(
                    session=session, person=actor, status=status, requested_at=now
                )
        except IntegrityError as error:
            raise ValidationError(_("U bent al ingeschreven voor deze bijeenkomst.")) from error
    enrolment.session = session
    _queue_enrolment_mail(enrolment)
    return enrolment


@transaction.atomic
def enrolment_cancel(
    *, actor: User, enrolment: Enrolment, now: datetime.datetime | None = None
) -> Enrolment:
    """Cancel an enrolment (the person themself, or an officer). A freed seat goes to the first
    person on the waiting list at once."""
    if enrolment.person_id != actor.pk and not actor.has_perm("training.change_enrolment"):
        raise PermissionDenied
    now = now or timezone.now()
    session = (
        Session.objects.select_for_update().select_related("module").get(pk=enrolment.session_id)
    )
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    if enrolment.status == SeatStatus.CANCELLED:
        raise ValidationError(_("U bent al afgemeld voor deze bijeenkomst."))
    if session.starts_at <= now:
        raise ValidationError(_("Deze bijeenkomst is al begonnen; afmelden kan niet meer."))
    had_seat = enrolment.status == SeatStatus.ENROLLED
    enrolment.status = SeatStatus.CANCELLED
    enrolment.attended = False
    enrolment.save(update_fields=["status", "attended"])
    if had_seat:
        _promote_session_waitlist(session, now)
    return enrolment


@transaction.atomic
def session_capacity_change(*, actor: User, session: Session, capacity: int) -> Session:
    """Change the number of seats. It cannot go below the number of people already enrolled;
    extra seats go to the waiting list at once."""
    if not actor.has_perm("training.change_session", session):
        raise PermissionDenied
    session = Session.objects.select_for_update().select_related("module").get(pk=session.pk)
    validate_capacity(session, capacity)
    session.capacity = capacity
    session.save(update_fields=["capacity"])
    _promote_session_waitlist(session, timezone.now())
    return session


def validate_capacity(session: Session, capacity: int | None) -> None:
    """Raise when the new capacity is below the number already enrolled (also used by the
    admin form)."""
    if capacity is None or capacity < 1:
        raise ValidationError({"capacity": _("Een bijeenkomst heeft minstens één plaats.")})
    if session.pk is None:
        return
    taken = Enrolment.objects.filter(session_id=session.pk, status=SeatStatus.ENROLLED).count()
    if capacity < taken:
        raise ValidationError(
            {
                "capacity": _(
                    "Er zijn al %(taken)s deelnemers ingeschreven; het aantal plaatsen kan niet "
                    "lager worden dan %(taken)s."
                )
                % {"taken": taken}
            }
        )


def session_waitlist_fill(*, session: Session) -> list[Enrolment]:
    """After the admin raised the capacity: promote from the waiting list."""
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("module").get(pk=session.pk)
        return _promote_session_waitlist(session, timezone.now())


@transaction.atomic
def attendance_record(
    *, actor: User, session: Session, attended_ids: set[int], now: datetime.datetime | None = None
) -> int:
    """An officer records who attended a session (the ids of enrolments). Returns the number of
    people marked present."""
    if not actor.has_perm("training.record_attendance", session):
        raise PermissionDenied
    now = now or timezone.now()
    if session.starts_at > now:
        raise ValidationError(_("Aanwezigheid registreert u pas als de bijeenkomst begonnen is."))
    enrolled = session.enrolments.filter(status=SeatStatus.ENROLLED)
    unknown = set(attended_ids) - set(enrolled.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("Alleen ingeschreven deelnemers kunnen aanwezig zijn."))
    enrolled.filter(pk__in=attended_ids).update(attended=True)
    enrolled.exclude(pk__in=attended_ids).update(attended=False)
    pagecache.bump("training")  # update() sends no signal
    return len(attended_ids)


# --- conference -----------------------------------------------------------------------------


def conference_mail_context(conference: Conference) -> dict:
    return {
        "conference": conference,
        "what": _("Wijkradenconferentie %(year)s: %(theme)s")
        % {"year": conference.year, "theme": conference.theme},
        "when": _local(conference.starts_at),
        "where": conference.venue,
        "url": absolute_url(conference.get_absolute_url()),
        "ics_url": absolute_url(
            reverse("training:conference-ical", kwargs={"slug": conference.slug})
        ),
    }


def _promote_conference_waitlist(conference: Conference, now: datetime.datetime) -> None:
    taken = conference.registrations.filter(status=SeatStatus.ENROLLED).count()
    free = conference.capacity - taken
    if free <= 0:
        return
    for registration in conference.registrations.filter(status=SeatStatus.WAITING).order_by(
        "requested_at", "pk"
    )[:free]:
        registration.status = SeatStatus.ENROLLED
        registration.save(update_fields=["status"])
        notification_queue(
            recipient_id=registration.person_id,
            kind="training.promoted",
            occasion=f"promoted:registration:{registration.pk}:{_occasion_stamp(now)}",
            about=conference,
            context=conference_mail_context(conference),
        )


@transaction.atomic
def conference_register(
    *,
    actor: User,
    conference: Conference,
    needs: str = "",
    now: datetime.datetime | None = None,
) -> ConferenceRegistration:
    """Register a wijkraad member or council member for the conference: a seat while there is
    one, otherwise the waiting list. `needs`: accessibility or dietary wishes."""
    if not actor.has_perm("training.register_conference", conference):
        raise PermissionDenied(_("Aanmelden kan voor wijkraadsleden en gemeenteraadsleden."))
    now = now or timezone.now()
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    needs = (needs or "").strip()
    if len(needs) > MAX_NEEDS_LENGTH:
        raise ValidationError(
            {
                "needs": _("Beschrijf uw wensen in hoogstens %(max)s tekens.")
                % {"max": MAX_NEEDS_LENGTH}
            }
        )
    if conference.status == ConferenceStatus.CANCELLED:
        raise ValidationError(_("Deze conferentie gaat niet door; aanmelden kan niet."))
    if conference.starts_at <= now:
        raise ValidationError(
            _("Deze conferentie is al begonnen of voorbij; aanmelden kan niet meer.")
        )
    existing = ConferenceRegistration.objects.filter(conference=conference, person=actor).first()
    if existing is not None and existing.status != SeatStatus.CANCELLED:
        raise ValidationError(_("U bent al aangemeld voor deze conferentie."))
    taken = conference.registrations.filter(status=SeatStatus.ENROLLED).count()
    status = SeatStatus.ENROLLED if taken < conference.capacity else SeatStatus.WAITING
    if existing is not None:
        existing.status, existing.requested_at, existing.needs = status, now, needs
        existing.save(update_fields=["status", "requested_at", "needs"])
        registration = existing
    else:
        try:
            with transaction.atomic():
                registration = ConferenceRegistration.objects.create(
                    conference=conference,
                    person=actor,
                    status=status,
                    needs=needs,
                    requested_at=now,
                )
        except IntegrityError as error:
            raise ValidationError(_("U bent al aangemeld voor deze conferentie.")) from error
    notification_queue(
        recipient_id=actor.pk,
        kind="training.conference_registration",
        occasion=f"registration:{registration.pk}:{status}:{_occasion_stamp(now)}",
        about=conference,
        context={**conference_mail_context(conference), "status": status},
    )
    return registration


@transaction.atomic
def conference_registration_cancel(
    *, actor: User, registration: ConferenceRegistration, now: datetime.datetime | None = None
) -> ConferenceRegistration:
    """Cancel a registration; a freed seat goes to the first person waiting, at once."""
    if registration.person_id != actor.pk and not actor.has_perm(
        "training.change_conferenceregistration"
    ):
        raise PermissionDenied
    now = now or timezone.now()
    conference = Conference.objects.select_for_update().get(pk=registration.conference_id)
    registration = ConferenceRegistration.objects.get(pk=registration.pk)
    if registration.status == SeatStatus.CANCELLED:
        raise ValidationError(_("U bent al afgemeld voor deze conferentie."))
    if conference.starts_at <= now:
        raise ValidationError(_("De conferentie is al begonnen; afmelden kan niet meer."))
    had_seat = registration.status == SeatStatus.ENROLLED
    registration.status = SeatStatus.CANCELLED
    registration.save(update_fields=["status"])
    if had_seat:
        _promote_conference_waitlist(conference, now)
    return registration


@transaction.atomic
def conference_hold(
    *,
    actor: User,
    conference: Conference,
    councils: list[NeighbourhoodCouncil],
    councillors: list[User],
    note: str = "",
    now: datetime.datetime | None = None,
) -> ConferenceTransition:
    """An officer records that the conference was held, with its attendance: the wijkraden
    represented (at least one) and the council members present. Only after it began: a
    conference counts for the monitor once it happened, never while it is only planned."""
    if not actor.has_perm("training.record_conference", conference):
        raise PermissionDenied
    now = now or timezone.now()
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    CONFERENCE_MACHINE.check(conference.status, ConferenceStatus.HELD)
    errors: dict[str, list[str]] = {}
    if conference.starts_at > now:
        errors["to_status"] = [
            _(
                "De conferentie is op %(date)s; u legt haar pas als gehouden vast als die datum "
                "voorbij is."
            )
            % {"date": _local(conference.starts_at)}
        ]
    if not councils:
        errors["councils"] = [_("Kies de wijkraden die vertegenwoordigd waren.")]
    if any(person.kind != UserKind.CITY_COUNCILLOR for person in councillors):
        errors["councillors"] = [_("Kies alleen gemeenteraadsleden.")]
    if errors:
        raise ValidationError(errors)
    record = CONFERENCE_MACHINE.apply(
        conference,
        to=ConferenceStatus.HELD,
        actor=actor,
        reason=note,
        at=now,
        record=ConferenceTransition,
        record_for="conference",
    )
    conference.councils_represented.set(councils)
    conference.councillors_present.set(councillors)
    return record


@transaction.atomic
def conference_cancel(
    *,
    actor: User,
    conference: Conference,
    reason: str,
    now: datetime.datetime | None = None,
) -> ConferenceTransition:
    """An officer cancels a planned conference, with a reason shown on its page. Everyone
    registered (or on the waiting list) and the boards of the co-organising wijkraden are
    mailed, each once (the occasion is the conference's cancellation)."""
    if not actor.has_perm("training.record_conference", conference):
        raise PermissionDenied
    conference = Conference.objects.select_for_update().get(pk=conference.pk)
    record = CONFERENCE_MACHINE.apply(
        conference,
        to=ConferenceStatus.CANCELLED,
        actor=actor,
        reason=reason,
        at=now or timezone.now(),
        record=ConferenceTransition,
        record_for="conference",
    )
    registered = conference.registrations.exclude(status=SeatStatus.CANCELLED).values_list(
        "person_id", flat=True
    )
    boards = (
        Membership.objects.current()
        .board()
        .filter(council__in=conference.delegation.all())
        .values_list("person_id", flat=True)
    )
    context = {**conference_mail_context(conference), "reason": record.reason}
    notifications_queue(
        [
            Due(
                person_id,
                "training.conference_cancelled",
                f"cancelled:{conference.pk}",
                conference,
                context,
            )
            for person_id in sorted({*registered, *boards})
        ]
    )
    return record
