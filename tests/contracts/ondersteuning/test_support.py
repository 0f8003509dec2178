import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from contracts.ondersteuning import services
from contracts.ondersteuning.models import SupportRequest, SupportRequestStatus
from tests.contracts.factories import OfferFactory, SupportRequestFactory
from wijkportaal.core.errors import NotFound

pytestmark = pytest.mark.django_db


def test_anyone_can_see_the_catalogue(client):
    OfferFactory(title="Opbouwwerk Noord", provider="Welzijn Noord")
    OfferFactory(title="Verborgen", active=False)
    text = client.get("/ondersteuning/").text
    assert "Opbouwwerk Noord" in text and "Welzijn Noord" in text
    assert "Verborgen" not in text


def test_board_can_request_support(client, chair, council):
    offer = OfferFactory()
    client.force_login(chair)
    assert client.get(f"/ondersteuning/aanvragen/?aanbod={offer.pk}").status_code == 200
    response = client.post(
        "/ondersteuning/aanvragen/",
        {
            "council": council.pk,
            "offer": offer.pk,
            "subject": "Bewonersavond",
            "question": "Kan een opbouwwerker meedenken?",
        },
    )
    request = SupportRequest.objects.get()
    assert response["Location"] == request.get_absolute_url()
    assert request.requested_by == chair and request.status == SupportRequestStatus.SUBMITTED
    assert "Bewonersavond" in client.get("/ondersteuning/").text


def test_board_sees_errors_beside_the_fields(client, chair, council):
    client.force_login(chair)
    response = client.post(
        "/ondersteuning/aanvragen/", {"council": council.pk, "subject": "", "question": ""}
    )
    assert 'id="id_subject_error"' in response.text and 'id="id_question_error"' in response.text
    assert not SupportRequest.objects.exists()


def test_board_cannot_request_support_for_another_council(client, chair, other_council):
    client.force_login(chair)
    response = client.post(
        "/ondersteuning/aanvragen/",
        {"council": other_council.pk, "subject": "x", "question": "y"},
    )
    assert response.status_code == 404
    with pytest.raises(NotFound):
        services.support_request_create(
            actor=chair, council=other_council, offer=None, subject="x", question="y"
        )
    assert not SupportRequest.objects.exists()


def test_member_cannot_request_support(client, member, council):
    client.force_login(member)
    assert client.get("/ondersteuning/aanvragen/").status_code == 404
    with pytest.raises(NotFound):
        services.support_request_create(
            actor=member, council=council, offer=None, subject="x", question="y"
        )


def test_board_cannot_request_an_inactive_offer(chair, council):
    with pytest.raises(ValidationError) as error:
        services.support_request_create(
            actor=chair,
            council=council,
            offer=OfferFactory(active=False),
            subject="x",
            question="y",
        )
    assert "offer" in error.value.message_dict


def test_officer_can_answer_and_board_sees_the_answer(client, officer, chair, council):
    request = SupportRequestFactory(council=council)
    client.force_login(officer)
    url = request.get_absolute_url()
    response = client.post(url, {"status": "beantwoord", "answer": ""})
    assert "Schrijf een antwoord" in response.text
    client.post(url, {"status": "beantwoord", "answer": "Welzijn Noord neemt contact op."})
    request.refresh_from_db()
    assert request.status == SupportRequestStatus.ANSWERED
    assert request.answered_at is not None and request.handler == officer
    client.force_login(chair)
    page = client.get(url)
    assert "Welzijn Noord neemt contact op." in page.text
    assert "Behandelen" not in page.text
    assert client.post(url, {"status": "afgewezen", "answer": "x"}).status_code == 404


def test_board_cannot_handle_a_request(chair, council):
    request = SupportRequestFactory(council=council)
    with pytest.raises(PermissionDenied):
        services.support_request_handle(
            actor=chair, support_request=request, status="beantwoord", answer="zelf gedaan"
        )


def test_other_board_cannot_see_a_request(client, other_chair):
    request = SupportRequestFactory()
    client.force_login(other_chair)
    assert client.get(request.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("size", [2, 10])
def test_support_page_queries_do_not_grow(client, officer, django_assert_max_num_queries, size):
    OfferFactory.create_batch(size)
    SupportRequestFactory.create_batch(size)
    client.force_login(officer)
    # +4 for a staff member's first request: the MFA check and the session's first stamp
    # (an UPDATE between a savepoint pair) — accounts/middleware.py.
    with django_assert_max_num_queries(10):
        assert client.get("/ondersteuning/").status_code == 200
