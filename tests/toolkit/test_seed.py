import pytest
from django.core.management import call_command

from toolkit.models import Channel, ChannelKind, KnowHowEntry
from toolkit.selectors import inventory_up_to_date_share
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

pytestmark = pytest.mark.django_db


def test_seed_gives_kinds_inventory_and_know_how_and_is_idempotent(client):
    call_command("seed_demo", verbosity=0)
    counts = Channel.objects.count(), KnowHowEntry.objects.count()
    call_command("seed_demo", verbosity=0)
    assert (Channel.objects.count(), KnowHowEntry.objects.count()) == counts
    assert set(ChannelKind.objects.values_list("slug", flat=True)) >= {
        "wijkkrant",
        "website",
        "facebook",
        "twitter-x",
        "nextdoor",
        "whatsapp",
        "buurboek",
        "instagram",
        "e-mailnieuwsbrief",
        "bewonersavond",
    }
    # A paper wijkkrant and a website are common.
    assert Channel.objects.filter(kind__slug="wijkkrant").count() >= 8
    assert Channel.objects.filter(kind__slug="website").count() >= 8
    assert Channel.objects.filter(contact_opt_in=True).exists()
    assert 0 < inventory_up_to_date_share() < 100
    # The matrix shows totals per stadsdeel; the stadsdeel's own page lists its wijkraden.
    council = NeighbourhoodCouncil.objects.select_related("district").get(
        name="Wijkraad Bloemenbuurt"
    )
    overview = client.get("/toolkit/")
    assert council.district.name in overview.text
    page = client.get(f"/toolkit/?district={council.district.slug}")
    assert "Wijkraad Bloemenbuurt" in page.text and "De Molenwijker" in page.text


def test_seed_scale_gives_generated_councils_an_inventory():
    call_command("seed_demo", verbosity=0)
    base = Channel.objects.count()
    call_command("seed_demo", scale=2, verbosity=0)
    assert Channel.objects.count() == base + 12 * 2
    assert Channel.objects.filter(council__slug__startswith="extra-").count() == 24
