import pytest
from django.core.management import call_command
from django.utils import timezone

from workgroups.models import ContactMoment, ContactMomentKind, Deliverable, Meeting, Workgroup


@pytest.mark.django_db
def test_seed_makes_two_workgroups_seven_kinds_and_contact_moments(client):
    call_command("seed_demo", verbosity=0)
    assert set(Workgroup.objects.values_list("slug", flat=True)) == {"rollen", "contactmomenten"}
    assert ContactMomentKind.objects.count() == 7
    now = timezone.now()
    for workgroup in Workgroup.objects.all():
        assert workgroup.chair is not None
        assert workgroup.members.count() >= 4
        assert Meeting.objects.filter(
            workgroup=workgroup, starts_at__lt=now, minutes_published_at__isnull=False
        ).exists()
        assert Meeting.objects.filter(
            workgroup=workgroup, starts_at__gt=now, agenda_published_at__isnull=False
        ).exists()
        assert Deliverable.objects.filter(workgroup=workgroup).count() == 2
    assert ContactMoment.objects.filter(starts_at__gt=now).exists()
    for url in ["/werkgroepen/rollen/", "/contactmomenten/molenwijk/"]:
        assert client.get(url).status_code == 200
    assert client.get("/werkgroepen/rollen/agenda.ics").status_code == 200


@pytest.mark.django_db
def test_seed_scale_adds_contact_moments():
    call_command("seed_demo", verbosity=0)
    base = ContactMoment.objects.count()
    call_command("seed_demo", scale=2, verbosity=0)
    assert ContactMoment.objects.count() == base * 2
