import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import CouncilFactory, DistrictFactory, MembershipFactory
from training import services
from training.models import TopicRank, WishAnswer

from .factories import RoundFactory, TopicFactory, WishAnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_with_topics():
    round_ = RoundFactory(slug="wensen")
    topics = [TopicFactory(round=round_, title=t) for t in ("Raad", "Ambtenaren", "Procedures")]
    return round_, topics


def save(actor, council, round_, ranks, wishes="", **kwargs):
    return services.inventory_answer_save(
        actor=actor, round=round_, council=council, ranks=ranks, own_wishes=wishes, **kwargs
    )


def test_board_can_answer_and_change_until_the_deadline(chair, council, round_with_topics):
    round_, (raad, amb, proc) = round_with_topics
    save(chair, council, round_, {raad.pk: 1, amb.pk: 2, proc.pk: None}, "Subsidies")
    answer = save(chair, council, round_, {raad.pk: 2, amb.pk: None, proc.pk: 1})
    assert WishAnswer.objects.count() == 1
    assert dict(answer.ranks.values_list("topic__title", "rank")) == {"Raad": 2, "Procedures": 1}
    assert answer.own_wishes == ""


def test_board_cannot_answer_after_the_deadline(chair, council, round_with_topics):
    round_, (raad, *_rest) = round_with_topics
    late = round_.deadline + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="De termijn van deze ronde is verstreken"):
        save(chair, council, round_, {raad.pk: 1}, today=late)
    assert not WishAnswer.objects.exists()


def test_board_cannot_answer_before_the_round_opens(chair, council, round_with_topics):
    round_, (raad, *_rest) = round_with_topics
    early = round_.opens_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="opent pas op"):
        save(chair, council, round_, {raad.pk: 1}, today=early)


@pytest.mark.parametrize("kind", ["member", "other_chair", "officer", "councillor"])
def test_others_cannot_answer_for_the_wijkraad(request, council, round_with_topics, kind):
    user = request.getfixturevalue(kind)
    round_, (raad, *_rest) = round_with_topics
    with pytest.raises(PermissionDenied, match="Alleen het bestuur"):
        save(user, council, round_, {raad.pk: 1})
    assert not WishAnswer.objects.exists()


def test_each_place_is_used_once(chair, council, round_with_topics):
    round_, (raad, amb, _proc) = round_with_topics
    with pytest.raises(ValidationError) as error:
        save(chair, council, round_, {raad.pk: 1, amb.pk: 1})
    assert error.value.message_dict == {
        f"topic_{amb.pk}": [
            "Plaats 1 is al gegeven aan ‘Raad’. Geef elk onderwerp een eigen plaats."
        ]
    }
    assert not TopicRank.objects.exists()


def test_place_out_of_range_is_refused(chair, council, round_with_topics):
    round_, (raad, *_rest) = round_with_topics
    with pytest.raises(ValidationError, match="Kies een plaats van 1 tot en met 3"):
        save(chair, council, round_, {raad.pk: 7})


def test_topic_of_another_round_is_refused(chair, council, round_with_topics):
    round_, _topics = round_with_topics
    stranger = TopicFactory()
    with pytest.raises(ValidationError, match="bestaat niet"):
        save(chair, council, round_, {stranger.pk: 1})


def test_empty_answer_is_refused(chair, council, round_with_topics):
    round_, (raad, *_rest) = round_with_topics
    with pytest.raises(ValidationError, match="minstens één onderwerp"):
        save(chair, council, round_, {raad.pk: None}, "  ")


def test_too_long_wishes_are_refused(chair, council, round_with_topics):
    round_, (raad, *_rest) = round_with_topics
    with pytest.raises(ValidationError) as error:
        save(chair, council, round_, {raad.pk: 1}, "x" * 2001)
    assert "hoogstens 2000 tekens" in error.value.message_dict["own_wishes"][0]


# --- the page ---------------------------------------------------------------------------------


def test_board_answers_through_the_form(client, chair, council, round_with_topics):
    round_, (raad, amb, proc) = round_with_topics
    client.force_login(chair)
    url = "/scholing/inventarisatie/wensen/"
    response = client.get(url)
    assert "Plaats voor ‘Raad’" in response.content.decode()
    response = client.post(
        url,
        {
            f"topic_{raad.pk}": "2",
            f"topic_{amb.pk}": "1",
            f"topic_{proc.pk}": "",
            "own_wishes": "Budget",
        },
    )
    assert response.status_code == 302
    answer = WishAnswer.objects.get(council=council)
    assert answer.answered_by == chair
    assert dict(answer.ranks.values_list("topic_id", "rank")) == {raad.pk: 2, amb.pk: 1}


def test_board_sees_the_error_beside_the_field(client, chair, council, round_with_topics):
    round_, (raad, amb, _proc) = round_with_topics
    client.force_login(chair)
    response = client.post(
        "/scholing/inventarisatie/wensen/", {f"topic_{raad.pk}": "1", f"topic_{amb.pk}": "1"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_topic_{amb.pk}_error"' in html
    assert "Plaats 1 is al gegeven aan ‘Raad’" in html
    assert not WishAnswer.objects.exists()


def test_board_sees_the_deadline_error_after_the_deadline(
    client, chair, council, round_with_topics
):
    round_, (raad, *_rest) = round_with_topics
    round_.opens_on = timezone.localdate() - datetime.timedelta(days=20)
    round_.deadline = timezone.localdate() - datetime.timedelta(days=1)
    round_.save()
    client.force_login(chair)
    page = client.get("/scholing/inventarisatie/wensen/").content.decode()
    assert "De termijn is verstreken" in page
    response = client.post("/scholing/inventarisatie/wensen/", {f"topic_{raad.pk}": "1"})
    assert response.status_code == 400
    assert "De termijn van deze ronde is verstreken" in response.content.decode()
    assert not WishAnswer.objects.exists()


def test_member_who_is_not_on_the_board_cannot_post_an_answer(
    client, member, council, round_with_topics
):
    round_, (raad, *_rest) = round_with_topics
    client.force_login(member)
    response = client.post("/scholing/inventarisatie/wensen/", {f"topic_{raad.pk}": "1"})
    assert response.status_code == 403
    assert "Alleen het bestuur van de wijkraad" in response.content.decode()
    assert not WishAnswer.objects.exists()


def test_public_sees_the_summary_without_names(client, round_with_topics):
    round_, (raad, amb, _proc) = round_with_topics
    answer = WishAnswerFactory(round=round_, council__name="Wijkraad Geheimhof")
    TopicRank.objects.create(answer=answer, topic=raad, rank=1)
    CouncilFactory()
    html = client.get("/scholing/inventarisatie/wensen/").content.decode()
    assert "Geheimhof" not in html
    assert "1 van 2 wijkraden (50%)" in html
    assert "Matrix wijkraad" not in html


def test_the_board_sees_the_summary_count_its_own_answer_at_once(
    client, chair, council, round_with_topics
):
    round_, (raad, amb, _proc) = round_with_topics
    CouncilFactory()
    client.force_login(chair)
    assert (
        "0 van 2 wijkraden (0%)" in client.get("/scholing/inventarisatie/wensen/").content.decode()
    )

    save(chair, council, round_, {raad.pk: 1, amb.pk: 2})

    html = client.get("/scholing/inventarisatie/wensen/").content.decode()
    assert "1 van 2 wijkraden (50%)" in html
    html = client.get("/scholing/inventarisatie/wensen/").content.decode()  # from the cache
    assert "1 van 2 wijkraden (50%)" in html


def test_officer_sees_the_matrix_with_totals_and_response_rate(client, officer, round_with_topics):
    round_, (raad, amb, proc) = round_with_topics
    west = DistrictFactory(name="West", slug="west")
    first = WishAnswerFactory(round=round_, council__name="Wijkraad Aa", council__district=west)
    TopicRank.objects.create(answer=first, topic=raad, rank=1)
    TopicRank.objects.create(answer=first, topic=amb, rank=2)
    second = WishAnswerFactory(round=round_, council__name="Wijkraad Bee", council__district=west)
    TopicRank.objects.create(answer=second, topic=raad, rank=2)
    CouncilFactory(name="Wijkraad Cee", district=west)
    elsewhere = WishAnswerFactory(round=round_, council__name="Wijkraad Oost")
    TopicRank.objects.create(answer=elsewhere, topic=proc, rank=1)
    client.force_login(officer)
    # The overview: one row per stadsdeel, no wijkraad names, a link into each stadsdeel.
    response = client.get("/scholing/inventarisatie/wensen/")
    html = response.content.decode()
    assert "Wijkraad Aa" not in html and "2 van 3" in html
    overview = response.context["matrix_overview"]
    assert [row["district"].name for row in overview["district_rows"]][-1] == "West"
    totals = {t.topic.title: (t.mentions, t.points) for t in overview["totals"]}
    assert totals == {"Raad": (2, 3 + 2), "Ambtenaren": (1, 2), "Procedures": (1, 3)}
    assert 'href="?wijk=west#matrix-title"' in html
    # One stadsdeel: its wijkraden with the place each gave, and its own totals.
    response = client.get("/scholing/inventarisatie/wensen/?wijk=west")
    matrix = response.context["matrix"]
    assert [row["council"].name for row in matrix["rows"]] == [
        "Wijkraad Aa",
        "Wijkraad Bee",
        "Wijkraad Cee",
    ]
    assert matrix["rows"][0]["cells"] == [1, 2, None]
    assert matrix["rows"][2]["answer"] is None
    totals = {t.topic.title: (t.mentions, t.points) for t in matrix["totals"]}
    assert totals == {"Raad": (2, 3 + 2), "Ambtenaren": (1, 2), "Procedures": (0, 0)}
    html = response.content.decode()
    assert "Wijkraad Oost" not in html and "Stadsdeel West" in html
    assert '<th scope="row" class="utrecht-table__header-cell">Wijkraad Cee</th>' in html
    assert "nog niet ingevuld" in html


def test_unknown_round_is_404(client):
    assert client.get("/scholing/inventarisatie/bestaat-niet/").status_code == 404


def build_answers(round_, topics, n, district=None):
    for _ in range(n):
        council = CouncilFactory(**({"district": district} if district else {}))
        MembershipFactory(council=council, function="voorzitter")
        answer = WishAnswerFactory(round=round_, council=council)
        for place, topic in enumerate(topics, start=1):
            TopicRank.objects.create(answer=answer, topic=topic, rank=place)


@pytest.mark.parametrize("size", [2, 12])
def test_matrix_page_queries_do_not_grow(
    client, officer, round_with_topics, size, django_assert_max_num_queries
):
    round_, topics = round_with_topics
    district = DistrictFactory(slug="midden")
    build_answers(round_, topics, size, district=district)
    build_answers(round_, topics, size)  # each in a stadsdeel of its own
    client.force_login(officer)
    # +4 for a staff member's first request: the MFA check and the session's first stamp
    # (an UPDATE between a savepoint pair) — accounts/middleware.py.
    with django_assert_max_num_queries(20):
        response = client.get("/scholing/inventarisatie/wensen/")
    assert len(response.context["matrix_overview"]["district_rows"]) == size + 1
    with django_assert_max_num_queries(24):
        response = client.get("/scholing/inventarisatie/wensen/?wijk=midden")
    assert len(response.context["matrix"]["rows"]) == size


@pytest.mark.parametrize("size", [2, 12])
def test_board_inventory_page_queries_do_not_grow(
    client, chair, council, round_with_topics, size, django_assert_max_num_queries
):
    round_, topics = round_with_topics
    build_answers(round_, topics, size)
    client.force_login(chair)
    with django_assert_max_num_queries(16):
        response = client.get("/scholing/inventarisatie/wensen/")
    assert response.context["form"] is not None
