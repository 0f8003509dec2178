import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from wijkportaal.core.mail import Due, mail_queue

ACCOUNT_MAIL_KIND = "accounts.account_mail"


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Wijkraden are known organisations: nobody signs up, everyone is invited."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's own messages (a password reset link, "no account for this address") are
        outbox rows to the address like every other mail: sent after commit and retried
        while the mail server is down, so the form never fails on it. Each request is its
        own occasion, written in the language of the page the request came from."""
        context = {
            **context,
            "email": email,
            "current_site": get_current_site(self.request),
            "template_prefix": template_prefix,
        }
        occasion = f"{template_prefix}:{uuid.uuid4().hex}"
        due = Due(
            None,
            ACCOUNT_MAIL_KIND,
            occasion,
            context=context,
            address=email,
            language=translation.get_language() or "",
        )
        mail_queue([due])
