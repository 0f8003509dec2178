import pytest
from django.core.management import call_command
from django.utils import timezone

from council.models import Decision, Reply, Viewpoint, Visit
from training.models import Conference, ConferenceStatus

pytestmark = pytest.mark.django_db


def test_seed_gives_honest_decisions_views_visits_and_conferences():
    call_command("seed_demo", verbosity=0)
    counts = (Decision.objects.count(), Viewpoint.objects.count(), Visit.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Decision.objects.count(), Viewpoint.objects.count(), Visit.objects.count()) == counts
    today = timezone.localdate()
    assert Decision.objects.filter(decision_date__gte=today, outcome="").exists()
    past = Decision.objects.filter(decision_date__lt=today)
    assert past.exists() and not past.filter(outcome="").exists()
    for viewpoint in Viewpoint.objects.select_related("decision"):
        assert timezone.localtime(viewpoint.created_at).date() < viewpoint.decision.decision_date
    assert Reply.objects.exists()
    for visit in Visit.objects.filter(confirmed_at__isnull=False):
        assert visit.date <= timezone.localtime(visit.confirmed_at).date() <= today
    assert Visit.objects.filter(confirmed_at__isnull=True, date__gt=today).exists()
    held = Conference.objects.get(status=ConferenceStatus.HELD)
    assert held.year == today.year - 1
    assert held.councils_represented.exists()
    assert Conference.objects.filter(status=ConferenceStatus.PLANNED, starts_at__gt=timezone.now())
