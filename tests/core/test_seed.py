import pytest
from django.apps import apps
from django.core.management import call_command


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes", "auth"}
    }


@pytest.mark.django_db
def test_seed_demo_twice_leaves_the_same_rows():
    call_command("seed_demo", verbosity=0)
    first = row_counts()
    call_command("seed_demo", verbosity=0)
    assert row_counts() == first
    assert first["wijkraden.District"] == 4
    assert first["wijkraden.NeighbourhoodCouncil"] >= 12


@pytest.mark.django_db
def test_demo_accounts_log_in(client):
    call_command("seed_demo", verbosity=0)
    for name in ["beheerder", "ambtenaar", "raadslid", "wijkraad", "wijkraad2"]:
        client.logout()
        response = client.post(
            "/accounts/login/",
            {"login": f"{name}@wijkportaal.test", "password": "wijkportaal-demo"},
        )
        assert response.status_code == 302, name


@pytest.mark.django_db
def test_seed_scale_multiplies_generated_data():
    from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

    call_command("seed_demo", verbosity=0)
    base = NeighbourhoodCouncil.objects.count(), Membership.objects.count()
    call_command("seed_demo", scale=3, verbosity=0)
    assert NeighbourhoodCouncil.objects.count() == base[0] * 3
    assert Membership.objects.count() > base[1] * 2
