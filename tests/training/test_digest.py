"""The training digest section: new sessions, still to come, of modules on topics the reader's
wijkraad ranked in its top three — not to other wijkraden, not sessions made earlier — in a
constant number of queries."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import CouncilFactory, MembershipFactory, UserFactory
from tests.training.factories import (
    ModuleFactory,
    RoundFactory,
    SessionFactory,
    TopicFactory,
    WishAnswerFactory,
)
from training.digest import new_sessions_section
from training.models import TopicRank

pytestmark = pytest.mark.django_db


def _wish(council, round_, *ranked):
    answer = WishAnswerFactory(council=council, round=round_)
    for rank, topic in enumerate(ranked, start=1):
        TopicRank.objects.create(answer=answer, topic=topic, rank=rank)


def _world():
    round_ = RoundFactory()
    topics = [TopicFactory(round=round_, title=f"Onderwerp {n}") for n in range(5)]
    council, other = CouncilFactory(), CouncilFactory()
    # Our wijkraad wants topics 0-2 most, 3 and 4 least; the other one the other way round.
    _wish(council, round_, *topics)
    _wish(other, round_, *reversed(topics))
    member = MembershipFactory(council=council).person
    other_member = MembershipFactory(council=other).person
    wished = ModuleFactory(title="Vergaderen met de gemeente")
    wished.topics.set([topics[1]])
    unwished = ModuleFactory(title="Subsidies aanvragen")
    unwished.topics.set([topics[4]])
    return member, other_member, wished, unwished


def test_members_read_new_sessions_on_what_their_wijkraad_wished_for():
    member, other_member, wished, unwished = _world()
    since = timezone.now() - datetime.timedelta(seconds=1)
    session = SessionFactory(module=wished)
    other_session = SessionFactory(module=unwished)
    SessionFactory(module=ModuleFactory())  # on no topic at all
    stranger = UserFactory()
    users = [member, other_member, stranger]
    until = timezone.now() + datetime.timedelta(seconds=1)

    items = new_sessions_section(users, dict.fromkeys([u.pk for u in users], since), until)

    assert [(i.title, i.url) for i in items[member.pk]] == [
        ("Vergaderen met de gemeente", session.get_absolute_url())
    ]
    assert [i.url for i in items[other_member.pk]] == [other_session.get_absolute_url()]
    assert stranger.pk not in items


def test_sessions_made_before_the_period_or_already_past_are_no_news():
    member, _other, wished, _unwished = _world()
    SessionFactory(module=wished)
    since = timezone.now() + datetime.timedelta(seconds=1)
    SessionFactory(
        module=wished,
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=timezone.now() - datetime.timedelta(hours=22),
    )
    until = timezone.now() + datetime.timedelta(seconds=2)
    assert new_sessions_section([member], {member.pk: since}, until) == {}


@pytest.mark.parametrize("size", [1, 4])
def test_the_section_runs_a_constant_number_of_queries(django_assert_max_num_queries, size):
    since = timezone.now() - datetime.timedelta(seconds=1)
    users = []
    for _ in range(size):
        member, other_member, wished, unwished = _world()
        SessionFactory(module=wished)
        SessionFactory(module=unwished)
        users += [member, other_member]
    until = timezone.now() + datetime.timedelta(seconds=1)
    with django_assert_max_num_queries(5):
        items = new_sessions_section(users, dict.fromkeys([u.pk for u in users], since), until)
    assert len(items) == 2 * size
