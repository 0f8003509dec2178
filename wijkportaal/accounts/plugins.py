"""What the accounts app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.mail import NotificationKind
from wijkportaal.core.registry import DemoStep, PersonalDataSource

from .adapter import ACCOUNT_MAIL_KIND
from .demo import seed_accounts
from .selectors import personal_data
from .services import INVITATION_KIND, RENEWAL_REQUEST_KIND

PLUGINS = [
    # Sent to an address (the invitee has no account yet), with a link that makes an account.
    NotificationKind(
        INVITATION_KIND,
        _("Uitnodiging"),
        "accounts/email/invitation",
        optional=False,
        confidential=True,
    ),
    NotificationKind(
        RENEWAL_REQUEST_KIND,
        _("Vraag om een nieuwe uitnodiging"),
        "accounts/email/renewal_request",
        optional=False,
    ),
    # allauth's messages (password reset), to the address the form was filled in with.
    NotificationKind(
        ACCOUNT_MAIL_KIND,
        _("Berichten over uw account"),
        "accounts/email/account_mail",
        optional=False,
        confidential=True,
    ),
    DemoStep("accounts", run=seed_accounts, order=20),
    PersonalDataSource("account", collect=personal_data, order=10),
]
