"""The notifications app's services, as the apps above it call them. The work lives in one
module per job — outbox.py (queue rows), sending.py (send, retry, sweep), preferences.py
(preferences and unsubscribe), digests.py and due.py (the periodic work) — and this module
names the public entry points in one place, so callers need not follow that layout. New code
queues mail through `wijkportaal.core.mail.mail_queue`."""

from .due import due_work_run, reminders_queue
from .outbox import notification_queue, notifications_queue
from .preferences import notification_preference_update, notification_unsubscribe
from .sending import notification_resend, notification_send, outbox_sweep

__all__ = [
    "due_work_run",
    "notification_preference_update",
    "notification_queue",
    "notification_resend",
    "notification_send",
    "notification_unsubscribe",
    "notifications_queue",
    "outbox_sweep",
    "reminders_queue",
]
