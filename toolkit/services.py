"""Writes of the toolkit: the channel inventory, inventory rounds, know-how entries and the
"ask this wijkraad" message. Each checks the permission, validates, writes and queues mail."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core import pagecache
from wijkportaal.notifications.services import notification_queue
from wijkportaal.wijkraden.models import InventoryRound, Membership, NeighbourhoodCouncil

from .markdown import clean_markdown_source
from .models import (
    ROUND_KIND,
    Attachment,
    Channel,
    EntryKind,
    InventoryStatus,
    KnowHowEntry,
    Tag,
)
from .validators import validate_attachment

CHANNEL_FIELDS = (
    "kind",
    "name",
    "url",
    "audience",
    "frequency",
    "reach",
    "reach_unit",
    "reach_measured_on",
    "yearly_cost",
    "effort_hours",
    "results",
    "contact_person",
    "contact_opt_in",
)
RESERVED_SLUGS = {"nieuw"}


def _require(actor: User, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _mark_inventory_checked(*, actor: User, council: NeighbourhoodCouncil) -> None:
    InventoryStatus.objects.update_or_create(
        council=council, defaults={"checked_at": timezone.now(), "checked_by": actor}
    )


def _validate_contact(council: NeighbourhoodCouncil, data: dict) -> None:
    person = data.get("contact_person")
    if data.get("contact_opt_in") and person is None:
        raise ValidationError(
            {
                "contact_person": _(
                    "Kies een aanspreekpunt, of zet het vinkje voor vragen van andere "
                    "wijkraden uit."
                )
            }
        )
    if person is not None and not (
        Membership.objects.current().filter(council=council, person=person).exists()
    ):
        raise ValidationError(
            {"contact_person": _("Het aanspreekpunt moet een lid van deze wijkraad zijn.")}
        )


@transaction.atomic
def channel_save(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    data: dict,
    channel: Channel | None = None,
) -> Channel:
    """Add a channel to a wijkraad's inventory, or change one. Its board and officers may.
    Saving marks the channel and the inventory as checked today."""
    _require(actor, "toolkit.change_inventory", council)
    if channel is None:
        channel = Channel(council=council)
    elif channel.council_id != council.pk:
        raise PermissionDenied
    _validate_contact(council, data)
    for field in CHANNEL_FIELDS:
        if field in data:
            setattr(channel, field, data[field])
    if channel.reach is None:
        channel.reach_unit = ""
        channel.reach_measured_on = None
    elif not channel.reach_unit:
        channel.reach_unit = channel.kind.default_reach_unit
    if channel.contact_person_id is None:
        channel.contact_opt_in = False
    channel.last_checked = timezone.localdate()
    channel.full_clean()
    try:
        with transaction.atomic():
            channel.save()
    except IntegrityError as error:  # a racing save of the same name
        raise ValidationError(
            {"name": _("Deze wijkraad heeft al een kanaal met deze soort en naam.")}
        ) from error
    _mark_inventory_checked(actor=actor, council=council)
    return channel


@transaction.atomic
def channel_delete(*, actor: User, channel: Channel) -> None:
    """Remove a channel the wijkraad no longer uses (kept in the history)."""
    _require(actor, "toolkit.change_inventory", channel.council)
    council = channel.council
    channel.delete()
    _mark_inventory_checked(actor=actor, council=council)


@transaction.atomic
def inventory_confirm(*, actor: User, council: NeighbourhoodCouncil) -> int:
    """The board confirms every channel is still right: all are checked today."""
    _require(actor, "toolkit.change_inventory", council)
    count = Channel.objects.filter(council=council).update(
        last_checked=timezone.localdate(), updated_at=timezone.now()
    )
    pagecache.bump("toolkit")  # update() sends no signal
    _mark_inventory_checked(actor=actor, council=council)
    return count


@transaction.atomic
def inventory_round_open(
    *, actor: User, title: str, deadline: datetime.date, introduction: str = ""
) -> InventoryRound:
    """An officer opens a round: every wijkraad is asked to update its channel inventory
    before the deadline. Boards that have not updated get a reminder 5 days before it."""
    _require(actor, "toolkit.open_round")
    today = timezone.localdate()
    if deadline < today:
        raise ValidationError({"deadline": _("De uiterste datum ligt in het verleden.")})
    base = slugify(f"toolkit {title}")[:90] or "toolkit-ronde"
    slug, number = base, 1
    while InventoryRound.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    round_ = InventoryRound(
        kind=ROUND_KIND,
        title=title,
        slug=slug,
        introduction=introduction,
        opens_on=today,
        deadline=deadline,
        opened_by=actor,
    )
    round_.full_clean()
    round_.save()
    return round_


def _unique_entry_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "bijdrage"
    if base in RESERVED_SLUGS:
        base = f"{base}-bijdrage"
    slug, number = base, 1
    taken = KnowHowEntry.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def parse_tags(text: str) -> list[str]:
    names = []
    for part in (text or "").split(","):
        name = " ".join(part.split())[:50]
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names[:10]


def _set_tags(entry: KnowHowEntry, names: list[str]) -> None:
    tags = []
    for name in names:
        slug = slugify(name)[:60]
        if not slug:
            continue
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    entry.tags.set(tags)


def _check_council_choice(actor: User, council: NeighbourhoodCouncil | None) -> None:
    if council is not None and not (actor.has_perm("toolkit.change_inventory", council)):
        raise ValidationError(
            {
                "council": _(
                    "U kunt alleen namens een wijkraad schrijven waarvan u bestuurslid bent."
                )
            }
        )


@transaction.atomic
def entry_save(
    *,
    actor: User,
    data: dict,
    entry: KnowHowEntry | None = None,
    upload=None,
    upload_title: str = "",
) -> tuple[KnowHowEntry, bool]:
    """Write or change a know-how entry (with at most one new attachment). Executable HTML in
    the Markdown is removed before storing; returns the entry and whether anything was removed.
    A bad attachment rejects the whole entry: nothing is saved."""
    if entry is None:
        _require(actor, "toolkit.add_knowhowentry")
        entry = KnowHowEntry(author=actor)
    else:
        _require(actor, "toolkit.change_knowhowentry", entry)
    council = data.get("council")
    if council != entry.council:
        _check_council_choice(actor, council)
    body, stripped = clean_markdown_source(data.get("body", ""))
    summary = data.get("summary", "")
    entry.title = data["title"]
    entry.kind = data.get("kind") or EntryKind.GUIDE
    entry.summary = summary
    entry.body = body
    entry.council = council
    if not entry.slug:
        entry.slug = _unique_entry_slug(entry.title)
    entry.full_clean()
    if upload is not None:
        try:
            validate_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"attachment": error.messages}) from error
    entry.save()
    _set_tags(entry, parse_tags(data.get("tags", "")))
    entry.channel_kinds.set(data.get("channel_kinds") or [])
    if upload is not None:
        attachment_add(actor=actor, entry=entry, upload=upload, title=upload_title)
    return entry, stripped


@transaction.atomic
def attachment_add(*, actor: User, entry: KnowHowEntry, upload, title: str = "") -> Attachment:
    """Attach a file (pdf, docx, odt, png, jpg; at most 5 MB) to an entry."""
    _require(actor, "toolkit.change_knowhowentry", entry)
    try:
        validate_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"attachment": error.messages}) from error
    attachment = Attachment(
        entry=entry,
        title=(title or upload.name)[:200],
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def contact_request_send(*, actor: User, channel: Channel, message: str) -> bool:
    """ "Vraag het deze wijkraad": mail the channel's contact person through the outbox. Their
    address is never shown to the sender; the sender's name and address go in the message so
    the contact person can answer. One question per sender per channel per day: returns False
    when today's was already sent."""
    _require(actor, "toolkit.ask_contact", channel)
    if (
        not Channel.objects.with_contact_available()
        .filter(pk=channel.pk, contact_available=True)
        .exists()
    ):
        raise PermissionDenied
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Schrijf uw vraag.")})
    if len(message) > 2000:
        raise ValidationError({"message": _("Uw vraag is hoogstens 2000 tekens lang.")})
    sender_councils = ", ".join(
        Membership.objects.current()
        .filter(person=actor)
        .values_list("council__name", flat=True)
        .order_by("council__name")
    )
    sender = actor.get_full_name() or actor.email
    if sender_councils:
        sender = f"{sender} ({sender_councils})"
    text = _(
        "%(sender)s heeft een vraag over %(channel)s van %(council)s:\n\n%(message)s\n\n"
        "U kunt rechtstreeks antwoorden aan %(email)s. Uw eigen e-mailadres is niet aan de "
        "vrager getoond."
    ) % {
        "sender": sender,
        "channel": channel.name,
        "council": channel.council.name,
        "message": message,
        "email": actor.email,
    }
    occasion = f"toolkit-ask:{channel.pk}:{actor.pk}:{timezone.localdate().isoformat()}"
    queued = notification_queue(
        recipient_id=channel.contact_person_id,
        kind="message",
        occasion=occasion,
        about=channel,
        context={
            "subject": _("Vraag van een andere wijkraad over %(channel)s")
            % {"channel": channel.name},
            "text": text,
            "link": settings.SITE_URL + reverse("toolkit:index"),
            "link_label": _("Naar de toolkit communicatiemiddelen"),
        },
    )
    return queued is not None
