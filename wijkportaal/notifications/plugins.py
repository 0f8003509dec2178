"""What the notifications app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.mail import NotificationKind
from wijkportaal.core.registry import DemoStep, HealthCheck, MailSink, PageSection

from .demo import seed_notifications
from .outbox import notifications_queue
from .preferences import DIGEST_KIND
from .sending import outbox_health
from .views import my_page_section

PLUGINS = [
    MailSink("outbox", queue=notifications_queue),
    # /gezondheid/: mail stuck in the outbox for more than HEALTH_MAIL_STUCK_AFTER minutes.
    HealthCheck("mail", check=outbox_health),
    # A plain message with subject, text and an optional link (e.g. "ask this wijkraad").
    NotificationKind(
        "message", _("Berichten van anderen"), "notifications/email/generic", optional=False
    ),
    # The digest is switched off through its frequency (nooit), not as a reminder kind.
    NotificationKind(
        DIGEST_KIND, _("Voortgangsoverzicht"), "notifications/email/digest", optional=False
    ),
    PageSection(
        "notifications",
        slot="my_page",
        template="notifications/my_page_section.html",
        context=my_page_section,
        order=80,
    ),
    DemoStep("notifications", run=seed_notifications, order=80),
]
