"""Email backends for the reliability tests. They run inside a real Celery worker process too
(EMAIL_BACKEND=tests.notifications.mail_backends.…), so they keep state in files."""

import os
import smtplib
import time
import uuid
from pathlib import Path

from django.core.mail.backends import filebased, locmem

from wijkportaal.notifications.models import Notification, NotificationStatus


class SlowFileBackend(filebased.EmailBackend):
    """Writes a marker when a send starts, then waits SLOW_MAIL_SECONDS before writing the
    message: a test can kill the worker while a message is known to be in flight."""

    def send_messages(self, email_messages):
        marker_dir = os.environ.get("MAIL_MARKER_DIR")
        if marker_dir:
            (Path(marker_dir) / uuid.uuid4().hex).touch()
        time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "0")))
        return super().send_messages(email_messages)


class FlakySMTPBackend(filebased.EmailBackend):
    """Addresses starting with "onbekend" fail permanently (550, no such user); others fail
    temporarily (451, try again later) for their first FLAKY_FAILURES attempts. Attempts are
    counted per address in files under FLAKY_COUNTER_DIR."""

    def send_messages(self, email_messages):
        for message in email_messages:
            (address,) = message.to
            counter = Path(os.environ["FLAKY_COUNTER_DIR"]) / address
            attempts = int(counter.read_text()) + 1 if counter.exists() else 1
            counter.write_text(str(attempts))
            if address.startswith("onbekend"):
                raise smtplib.SMTPResponseException(550, b"5.1.1 no such user")
            if attempts <= int(os.environ.get("FLAKY_FAILURES", "2")):
                raise smtplib.SMTPResponseException(451, b"4.3.0 try again later")
        return super().send_messages(email_messages)


def messages_per_recipient(directory: Path) -> dict[str, int]:
    """How many messages each address received, counted in the file backend's files."""
    counts: dict[str, int] = {}
    for path in Path(directory).glob("*.log"):
        for line in path.read_text().splitlines():
            if line.startswith("To: "):
                address = line[4:].strip()
                counts[address] = counts.get(address, 0) + 1
    return counts


class OutboxOnlyBackend(locmem.EmailBackend):
    """The test backend (mail.outbox), but a message only leaves when it is the outbox row
    being sent: same address, subject and text as a queued row. Anything else is kept in
    `strays` (the `outbox_only_mail` fixture fails the test on it) and refused."""

    strays: list = []

    def send_messages(self, email_messages):
        for message in email_messages:
            if not self._from_the_outbox(message):
                OutboxOnlyBackend.strays.append(message)
                raise AssertionError(
                    f"Mail left without an outbox row: {message.subject!r} to {message.to}"
                )
        return super().send_messages(email_messages)

    @staticmethod
    def _from_the_outbox(message) -> bool:
        return (
            len(message.to) == 1
            and Notification.objects.filter(
                status=NotificationStatus.QUEUED,
                to_address=message.to[0],
                subject=message.subject,
                body_text=message.body,
            ).exists()
        )


class SMTPDownBackend(locmem.EmailBackend):
    """A mail server that cannot be reached."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class BusyMailboxBackend(locmem.EmailBackend):
    """The test backend (mail.outbox), but a mailbox whose address starts with "bezet" (busy)
    is full for now: 452, try again later (a temporary failure)."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if message.to[0].startswith("bezet"):
                raise smtplib.SMTPRecipientsRefused(
                    {message.to[0]: (452, b"4.2.2 mailbox full, try again later")}
                )
        return super().send_messages(email_messages)
