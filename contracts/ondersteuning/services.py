"""Writes of support: a wijkraad's board asks, officers answer. Every request is a case at the
desk (kind "ondersteuning.request"): opened with the request, answered when the officers
answer it here, and an answer given at the desk is mirrored on the request (support_mirror_answer,
the kind's on_answer)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.accounts.models import User
from wijkportaal.core.errors import NotFound
from wijkportaal.core.money import format_money
from wijkportaal.core.validation import FieldErrors, clean_text
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import SupportKind, SupportOffer, SupportRequest, SupportRequestStatus

ANSWERED = (SupportRequestStatus.ANSWERED, SupportRequestStatus.DECLINED)
CASE_KIND = "ondersteuning.request"
# The term the support page always promised, in working days; the desk keeps it now.
CASE_TERM_DAYS = 10
# A request for the Leefbaarheid & initiatiefbudget: an amount and a purpose, decided by the
# department that manages the budget.
BUDGET_CASE_KIND = "ondersteuning.budget_request"
BUDGET_CASE_TERM_DAYS = 20
BUDGET_MAX_AMOUNT = Decimal("100000.00")


@transaction.atomic
def support_request_create(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    offer: SupportOffer | None,
    subject: str,
    question: str,
) -> SupportRequest:
    """A wijkraad's board asks for support (from the catalogue or otherwise). Opens its case
    at the desk: the receipt to the asker and the new-case mail to the owning department (the
    offer's kind is the case's topic, so administrators can route e.g. budget questions)."""
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
    support_request = SupportRequest.objects.create(
        council=council, offer=offer, subject=subject, question=question, requested_by=actor
    )
    desk.case_open(
        kind=CASE_KIND,
        title=subject,
        summary=question,
        subject=support_request,
        council=council,
        submitted_by=actor,
        topic=offer.kind if offer is not None else "",
        received_at=support_request.created_at,
    )
    return support_request


def _clean_amount(value, errors: FieldErrors) -> Decimal | None:
    """An amount in euros and cents, more than nothing and at most BUDGET_MAX_AMOUNT."""
    try:
        amount = Decimal(str(value).strip().replace(",", ".")) if value not in (None, "") else None
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        errors.add("amount", _("Vul het bedrag in euro's in, bijvoorbeeld 750 of 1250,50."))
    elif amount <= 0:
        errors.add("amount", _("Het bedrag moet groter dan nul zijn."))
    elif amount.as_tuple().exponent < -2:
        errors.add("amount", _("Een bedrag heeft hoogstens twee cijfers achter de komma."))
    elif amount > BUDGET_MAX_AMOUNT:
        errors.add(
            "amount",
            _("Vraag hoogstens %(max)s aan; neem voor meer contact op met de afdeling.")
            % {"max": format_money(BUDGET_MAX_AMOUNT)},
        )
    else:
        return amount.quantize(Decimal("0.01"))
    return None


@transaction.atomic
def support_budget_request_create(
    *,
    actor: User,
    council: NeighbourhoodCouncil,
    subject: str,
    purpose: str,
    amount,
    question: str,
) -> SupportRequest:
    """A wijkraad's board asks for money from the Leefbaarheid & initiatiefbudget: what for
    (the purpose), how much, and the plan. Opens its case at the desk (kind
    "ondersteuning.budget_request"), owned by the department that manages the budget."""
    if not actor.has_perm("contracts.request_support", council):
        raise NotFound
    errors = FieldErrors()
    with errors.collect():
        subject = clean_text(subject, field="subject", label=_("een onderwerp"), max_length=200)
    with errors.collect():
        purpose = clean_text(purpose, field="purpose", label=_("het doel"), max_length=500)
    amount = _clean_amount(amount, errors)
    with errors.collect():
        question = clean_text(question, field="question", label=_("uw plan"), max_length=4000)
    errors.raise_if_any()
    offer = (
        SupportOffer.objects.filter(kind=SupportKind.BUDGET, active=True).order_by("order").first()
    )
    support_request = SupportRequest.objects.create(
        council=council,
        offer=offer,
        subject=subject,
        purpose=purpose,
        amount=amount,
        question=question,
        requested_by=actor,
    )
    desk.case_open(
        kind=BUDGET_CASE_KIND,
        title=subject,
        summary=_("Gevraagd bedrag: %(amount)s\nDoel: %(purpose)s")
        % {"amount": format_money(amount), "purpose": purpose}
        + "\n\n"
        + question,
        subject=support_request,
        council=council,
        submitted_by=actor,
        topic=SupportKind.BUDGET,
        received_at=support_request.created_at,
    )
    return support_request


@transaction.atomic
def support_request_handle(
    *, actor: User, support_request: SupportRequest, status: str, answer: str = ""
) -> SupportRequest:
    """Officers handle a request: take it in hand, answer or decline it (with an answer). The
    request's case follows: in behandeling, or answered with the same text (mailed to the
    board through the desk, once)."""
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
    if status == SupportRequestStatus.IN_PROGRESS:
        desk.case_progress_for_subject(
            actor=actor, subject=support_request, status=CaseStatus.IN_PROGRESS
        )
    elif status in ANSWERED:
        desk.case_answer_for_subject(
            actor=actor, subject=support_request, text=answer, public=False
        )
    return support_request


def support_mirror_answer(case: Case, actor: User, text: str) -> None:
    """The kind's on_answer: an officer answered the request's case at the desk (inside that
    transaction), so the request shows the answer too."""
    support_request = SupportRequest.objects.select_for_update().filter(pk=case.object_id).first()
    if support_request is None or support_request.status in ANSWERED:
        return
    support_request.status = SupportRequestStatus.ANSWERED
    support_request.answer = text
    support_request.handler = support_request.handler or actor
    support_request.answered_at = case.answered_at or timezone.now()
    support_request.save()
