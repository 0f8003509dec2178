"""Deliverable documents are downloaded through a view that applies the draft rule and answers
an attachment with nosniff; nothing is served under MEDIA_URL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.core.test_uploads import DOCX, PDF
from tests.factories import MembershipFactory, OfficerFactory
from tests.workgroups.factories import DeliverableFactory, WorkgroupFactory, WorkgroupMemberFactory
from workgroups.models import DeliverableStatus

pytestmark = pytest.mark.django_db


def download_url(deliverable):
    slug = deliverable.workgroup.slug
    return f"/werkgroepen/{slug}/opbrengsten/{deliverable.pk}/download/"


def with_document(name="handreiking.pdf", content=PDF, **kwargs):
    return DeliverableFactory(document=SimpleUploadedFile(name, content), **kwargs)


def test_published_document_downloads_as_an_attachment_with_nosniff(client):
    deliverable = with_document(title="Handreiking", published_at=timezone.now())
    page = client.get(deliverable.workgroup.get_absolute_url()).text
    assert f'href="{download_url(deliverable)}"' in page
    assert "Download „Handreiking”</a> (PDF)" in page
    assert "/media/" not in page
    response = client.get(download_url(deliverable))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="handreiking.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_office_document_gets_its_own_content_type(client):
    deliverable = with_document("verslag.docx", DOCX, published_at=timezone.now())
    response = client.get(download_url(deliverable))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")


def test_draft_document_is_404_for_anonymous_and_outsiders_but_members_download_it(client):
    deliverable = with_document(title="Concept")
    assert deliverable.published_at is None
    assert client.get(download_url(deliverable)).status_code == 404
    outsider = MembershipFactory().person
    client.force_login(outsider)
    assert client.get(download_url(deliverable)).status_code == 404
    assert "Concept" not in client.get(deliverable.workgroup.get_absolute_url()).text
    member = WorkgroupMemberFactory(workgroup=deliverable.workgroup).person
    client.force_login(member)
    response = client.get(download_url(deliverable))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_document_wrong_workgroup_and_media_path_are_404(client):
    deliverable = with_document(published_at=timezone.now())
    bare = DeliverableFactory(published_at=timezone.now())
    other = WorkgroupFactory()
    assert client.get(download_url(bare)).status_code == 404
    assert (
        client.get(f"/werkgroepen/{other.slug}/opbrengsten/{deliverable.pk}/download/").status_code
        == 404
    )
    assert deliverable.document.name.startswith("werkgroepen/")
    assert client.get(f"/media/{deliverable.document.name}").status_code == 404


def test_html_named_pdf_is_refused_beside_the_field_and_nothing_is_stored(client):
    deliverable = DeliverableFactory()
    client.force_login(deliverable.workgroup.chair)
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    upload = SimpleUploadedFile("verslag.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(url, {"document": upload})
    assert response.status_code == 200
    error_block = response.text.split('id="id_document_error"', 1)[1][:400]
    assert "De inhoud van dit bestand is geen PDF-bestand" in error_block
    deliverable.refresh_from_db()
    assert not deliverable.document
    assert deliverable.status != DeliverableStatus.DONE


@pytest.mark.parametrize(
    ("name", "content"),
    [("verslag.docx", DOCX), ("notitie.txt", "Afspraken, één pagina.\n".encode())],
)
def test_chair_completes_with_an_office_or_text_document(client, name, content):
    deliverable = DeliverableFactory()
    client.force_login(deliverable.workgroup.chair)
    url = f"/werkgroepen/{deliverable.workgroup.slug}/opbrengsten/{deliverable.pk}/opleveren/"
    response = client.post(url, {"document": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.status == DeliverableStatus.DONE
    download = client.get(download_url(deliverable))
    assert b"".join(download.streaming_content) == content


def test_admin_links_the_download_view_and_never_media(client):
    deliverable = with_document(title="Handreiking")
    client.force_login(OfficerFactory())
    page = client.get(f"/admin/workgroups/deliverable/{deliverable.pk}/change/").text
    assert f'href="{download_url(deliverable)}"' in page
    assert "/media/" not in page
    assert deliverable.document.name in page  # the stored name, shown without a link
