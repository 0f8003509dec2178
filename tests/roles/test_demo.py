import pytest
from django.core.management import call_command

from roles.models import RoleDeclaration


@pytest.mark.django_db
def test_demo_has_role_declarations_in_every_state(client):
    call_command("seed_demo", verbosity=0)
    states = {d.state() for d in RoleDeclaration.objects.all()}
    assert states == {"current", "upcoming", "ended"}
    assert client.get("/wijkraden/rollen/").status_code == 200


@pytest.mark.django_db
def test_demo_scale_adds_role_declarations_for_the_generated_councils():
    call_command("seed_demo", verbosity=0)
    base = RoleDeclaration.objects.count()
    call_command("seed_demo", scale=2, verbosity=0)
    assert RoleDeclaration.objects.count() > base
