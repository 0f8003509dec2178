"""Writes of the workgroups and contact moments. Views and the admin call these."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from recommendations.services import progress_update_from_deliverable
from wijkportaal.accounts.models import User
from wijkportaal.desk.services import case_open

from .models import (
    ContactFeedback,
    ContactMoment,
    ContactMomentKind,
    Deliverable,
    DeliverableStatus,
    FeedbackType,
    Meeting,
)

# The kinds of case (registered in plugins.py) of what a wijkraad says about contact moments.
FEEDBACK_CASE = "workgroups.feedback"
BOTTLENECK_CASE = "workgroups.bottleneck"


@transaction.atomic
def meeting_agenda_publish(*, actor: User, meeting: Meeting, agenda: str) -> Meeting:
    """Publish a meeting's agenda. Only beforehand: an agenda after the fact is no agenda."""
    meeting = Meeting.objects.select_for_update().select_related("workgroup").get(pk=meeting.pk)
    if not actor.has_perm("workgroups.run_meeting", meeting):
        raise PermissionDenied
    agenda = (agenda or "").strip()
    if not agenda:
        raise ValidationError({"agenda": _("Schrijf de agenda voordat u haar publiceert.")})
    if len(agenda) > 10000:
        raise ValidationError({"agenda": _("De agenda is hoogstens 10.000 tekens lang.")})
    if meeting.has_happened():
        raise ValidationError(
            {"agenda": _("Deze vergadering is al begonnen; de agenda publiceert u vooraf.")}
        )
    meeting.agenda = agenda
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["agenda", "agenda_published_at"])
    return meeting


@transaction.atomic
def meeting_minutes_publish(
    *, actor: User, meeting: Meeting, minutes: str, attendee_ids: list[int] | None = None
) -> Meeting:
    """Publish the minutes and record who attended. Only after the meeting took place."""
    meeting = Meeting.objects.select_for_update().select_related("workgroup").get(pk=meeting.pk)
    if not actor.has_perm("workgroups.run_meeting", meeting):
        raise PermissionDenied
    minutes = (minutes or "").strip()
    errors = {}
    if not meeting.has_happened():
        errors["minutes"] = _(
            "Deze vergadering heeft nog niet plaatsgevonden; het verslag volgt na afloop."
        )
    elif not minutes:
        errors["minutes"] = _("Schrijf het verslag voordat u het publiceert.")
    elif len(minutes) > 30000:
        errors["minutes"] = _("Het verslag is hoogstens 30.000 tekens lang.")
    attendee_ids = list(attendee_ids or [])
    members = set(
        meeting.workgroup.members.filter(pk__in=attendee_ids).values_list("pk", flat=True)
    )
    if set(attendee_ids) - members:
        errors["attendees"] = _("Kies aanwezigen uit de leden van de werkgroep.")
    if errors:
        raise ValidationError(errors)
    meeting.minutes = minutes
    meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_published_at"])
    meeting.attendees.set(members)
    return meeting


@transaction.atomic
def deliverable_complete(
    *,
    actor: User,
    deliverable: Deliverable,
    text: str | None = None,
    document=None,
    complete_action: bool = True,
) -> Deliverable:
    """Deliver a workgroup's product: it becomes public, and — if it is linked to an action and
    the caller asks — the action is completed with a progress update signed by the actor
    (recommendations' own service and rule for this). That service refuses while the action
    waits for unfinished dependencies; then nothing is saved and its reason is shown."""
    deliverable = (
        Deliverable.objects.select_for_update().select_related("workgroup").get(pk=deliverable.pk)
    )
    if not actor.has_perm("workgroups.complete_deliverable", deliverable):
        raise PermissionDenied
    if deliverable.is_done:
        raise ValidationError({"status": _("Deze opbrengst is al opgeleverd.")})
    if text is not None:
        deliverable.text = text.strip()
    if document is not None:
        deliverable.document = document
    if not deliverable.text and not deliverable.document:
        raise ValidationError(
            {"text": _("Een opbrengst heeft een tekst of een document; vul er een in.")}
        )
    now = timezone.now()
    deliverable.status = DeliverableStatus.DONE
    deliverable.completed_at = now
    deliverable.published_at = deliverable.published_at or now
    deliverable.full_clean()
    deliverable.save()
    if complete_action and deliverable.action_id:
        try:
            progress_update_from_deliverable(
                actor=actor,
                deliverable=deliverable,
                text=_("De werkgroep %(workgroup)s leverde op: %(title)s.")
                % {"workgroup": deliverable.workgroup.name, "title": deliverable.title},
            )
        except ValidationError as error:
            messages = error.message_dict.get("status") or error.messages
            raise ValidationError(
                {
                    "action": _("De gekoppelde actie kan niet worden afgerond: %(reason)s")
                    % {"reason": " ".join(messages)}
                }
            ) from error
    return deliverable


@transaction.atomic
def contact_feedback_create(
    *,
    actor: User,
    council,
    kind: ContactMomentKind | None = None,
    occurrence: ContactMoment | None = None,
    type: str = FeedbackType.FEEDBACK,
    text: str,
) -> ContactFeedback:
    """A wijkraad member leaves feedback or names a bottleneck, about one contact moment of
    their wijkraad or about a kind of contact moment as a whole. It is a case at the desk
    (kind "workgroups.feedback" or "workgroups.bottleneck"), owned by the department that runs
    that kind of contact moment unless an administrator routed it elsewhere (topic: the kind's
    slug); the desk sends the receipt and the new-case mail."""
    if not actor.has_perm("workgroups.add_contactfeedback", council):
        raise PermissionDenied
    text = (text or "").strip()
    errors = {}
    if occurrence is not None:
        if occurrence.council_id != council.pk:
            errors["occurrence"] = _("Kies een contactmoment van uw eigen wijkraad.")
        kind = occurrence.kind
    if kind is None:
        errors["kind"] = _("Kies een soort contactmoment of een contactmoment.")
    if type not in FeedbackType.values:
        errors["type"] = _("Kies terugkoppeling of knelpunt.")
    if not text:
        errors["text"] = _("Schrijf uw terugkoppeling of knelpunt op.")
    elif len(text) > 2000:
        errors["text"] = _("Hoogstens 2000 tekens.")
    if errors:
        raise ValidationError(errors)
    feedback = ContactFeedback.objects.create(
        kind=kind, occurrence=occurrence, council=council, author=actor, type=type, text=text
    )
    if type == FeedbackType.BOTTLENECK:
        title = _("Knelpunt bij %(kind)s") % {"kind": kind.name}
    else:
        title = _("Terugkoppeling op %(kind)s") % {"kind": kind.name}
    if occurrence is not None:
        title += " " + _("van %(date)s") % {
            "date": date_format(timezone.localtime(occurrence.starts_at), "j F Y")
        }
    case_open(
        kind=BOTTLENECK_CASE if type == FeedbackType.BOTTLENECK else FEEDBACK_CASE,
        title=title,
        summary=text,
        subject=feedback,
        council=council,
        submitted_by=actor,
        topic=kind.slug,
        department=kind.department,
    )
    return feedback
