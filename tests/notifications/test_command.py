import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command

from recommendations.models import ActionItem, Follow, Recommendation
from tests.factories import OfficerFactory
from tests.notifications.factories import ProgressUpdateFactory
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory
from wijkportaal.accounts.models import User
from wijkportaal.notifications.demo import seed_notifications
from wijkportaal.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def run(now="2026-12-07T09:00"):
    out = io.StringIO()
    call_command("send_due_notifications", "--now", now, stdout=out)
    return out.getvalue()


def demo_with_changes():
    call_command("seed_demo", verbosity=0)
    councillor = User.objects.get(email="raadslid@wijkportaal.test")
    officer = User.objects.get(email="ambtenaar@wijkportaal.test")
    for number in (1, 4):
        recommendation = Recommendation.objects.filter(number=number).first()
        if recommendation is None:
            recommendation = RecommendationFactory(number=number)
        ActionItemFactory(recommendations=[recommendation], department=officer.department)
    seed_notifications(scale=1)  # the raadslid now follows recommendations 1 and 4
    assert Follow.objects.filter(user=councillor).count() == 2
    colleague = OfficerFactory(department=officer.department)
    for action in ActionItem.objects.filter(recommendations__number__in=(1, 4)).distinct():
        ProgressUpdateFactory(
            action=action,
            author=colleague,
            created_at=datetime.datetime(2026, 12, 6, 12, tzinfo=AMS),
            text=f"Voortgang bij {action.title}.",
        )
    return councillor, officer


def test_send_due_notifications_twice_sends_mail_once_on_demo_data():
    councillor, officer = demo_with_changes()

    first = run()
    sent = {tuple(message.to) for message in mail.outbox}
    assert (councillor.email,) in sent and (officer.email,) in sent
    count = len(mail.outbox)
    digests = Notification.objects.filter(kind="digest").count()
    # Other apps' reminders on the demo data go out in the same run.
    assert digests >= 2 and f"digests: {digests}" in first and f"sent: {count}" in first

    second = run()
    assert len(mail.outbox) == count
    assert "reminders: 0" in second and "digests: 0" in second and "sent: 0" in second
    assert Notification.objects.filter(kind="digest").count() == digests


def test_send_due_notifications_rejects_a_malformed_moment():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--now verwacht"):
        run("maandag")


def test_notifications_seed_twice_gives_the_same_rows():
    call_command("seed_demo", verbosity=0)
    RecommendationFactory(number=1)
    RecommendationFactory(number=4)
    seed_notifications(scale=1)
    first = (NotificationPreference.objects.count(), Follow.objects.count())
    seed_notifications(scale=1)
    assert (NotificationPreference.objects.count(), Follow.objects.count()) == first
    assert first == (5, 2)
