"""Writes of support: a wijkraad's board asks, officers answer."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core.errors import NotFound
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import SupportOffer, SupportRequest, SupportRequestStatus

ANSWERED = (SupportRequestStatus.ANSWERED, SupportRequestStatus.DECLINED)


@transaction.atomic
def support_request_create(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    offer: SupportOffer | None,
    subject: str,
    question: str,
) -> SupportRequest:
    """A wijkraad's board asks for support (from the catalogue or otherwise)."""
    if not actor.has_perm("contracts.request_support", council):
        raise NotFound
    errors = FieldErrors()
    with errors.collect():
        subject = clean_text(subject, field="subject", label=_("een onderwerp"), max_length=200)
    with errors.collect():
        question = clean_text(question, field="question", label=_("uw vraag"), max_length=4000)
    if offer is not None and not offer.active:
        errors.add("offer", _("Deze ondersteuning wordt niet meer aangeboden."))
    errors.raise_if_any()
    return SupportRequest.objects.create(
        council=council, offer=offer, subject=subject, question=question, requested_by=actor
    )


@transaction.atomic
def support_request_handle(
    *, actor: User, support_request: SupportRequest, status: str, answer: str = ""
) -> SupportRequest:
    """Officers handle a request: take it in hand, answer or decline it (with an answer)."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not actor.has_perm("contracts.handle_supportrequest", support_request):
        raise PermissionDenied
    if status not in SupportRequestStatus.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    answer = clean_text(
        answer,
        field="answer",
        max_length=4000,
        required=status in ANSWERED,
        missing=_("Schrijf een antwoord aan de wijkraad."),
    )
    support_request.status = status
    support_request.answer = answer
    support_request.handler = support_request.handler or actor
    if status in ANSWERED:
        support_request.answered_at = support_request.answered_at or timezone.now()
    else:
        support_request.answered_at = None
    support_request.save()
    return support_request
