"""The toolkit digest section: new know-how for wijkraad members — general contributions and
those about a kind of channel their wijkraad uses, never their own — in a constant number of
queries."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import CouncilFactory, MembershipFactory, OfficerFactory
from tests.toolkit.factories import ChannelFactory, ChannelKindFactory, EntryFactory
from toolkit.digest import know_how_section

pytestmark = pytest.mark.django_db


def _since(users, **delta):
    return dict.fromkeys([u.pk for u in users], timezone.now() - datetime.timedelta(**delta))


def test_members_read_new_know_how_that_concerns_their_wijkraad():
    council = CouncilFactory()
    member = MembershipFactory(council=council).person
    newsletter, radio = ChannelKindFactory(), ChannelKindFactory()
    ChannelFactory(council=council, kind=newsletter)
    general = EntryFactory(title="Zo schrijft u een persbericht")
    about_ours = EntryFactory(title="Een goede nieuwsbrief")
    about_ours.channel_kinds.set([newsletter])
    about_radio = EntryFactory(title="Op de lokale radio")
    about_radio.channel_kinds.set([radio])
    EntryFactory(title="Mijn eigen bijdrage", author=member)
    officer = OfficerFactory()
    users = [member, officer]

    items = know_how_section(users, _since(users, hours=1), timezone.now())

    assert set(items) == {member.pk}
    assert sorted(item.title for item in items[member.pk]) == [
        "Een goede nieuwsbrief",
        "Zo schrijft u een persbericht",
    ]
    assert general.get_absolute_url() in {item.url for item in items[member.pk]}


def test_know_how_published_before_the_period_is_no_news():
    member = MembershipFactory().person
    EntryFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    assert know_how_section([member], _since([member], days=1), timezone.now()) == {}


@pytest.mark.parametrize("size", [1, 4])
def test_the_section_runs_a_constant_number_of_queries(django_assert_max_num_queries, size):
    users = []
    for _ in range(size):
        council = CouncilFactory()
        kind = ChannelKindFactory()
        ChannelFactory(council=council, kind=kind)
        EntryFactory().channel_kinds.set([kind])
        users.append(MembershipFactory(council=council).person)
    with django_assert_max_num_queries(4):
        items = know_how_section(users, _since(users, hours=1), timezone.now())
    assert len(items) == size
