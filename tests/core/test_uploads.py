"""The one upload check (wijkportaal.core.uploads): the type is read from the content, built
here as real minimal files, and must agree with the extension; the size is enforced."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wijkportaal.core.uploads import (
    detected_type,
    safe_filename,
    upload_problem,
    validate_upload,
)

OFFICE = ("pdf", "odt", "docx", "ods", "xlsx", "txt")
TEN_MB = 10 * 1024 * 1024

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def ooxml(main_content_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/main.xml" ContentType="{main_content_type}"/></Types>',
        )
        package.writestr("main.xml", "<document/>")
    return buffer.getvalue()


def odf(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


DOCX = ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
XLSX = ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
ODT = odf("application/vnd.oasis.opendocument.text")
ODS = odf("application/vnd.oasis.opendocument.spreadsheet")
TXT = "Verslag van de werkgroep — één pagina.\n".encode()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verslag.pdf", PDF),
        ("verslag.docx", DOCX),
        ("begroting.xlsx", XLSX),
        ("verslag.odt", ODT),
        ("begroting.ods", ODS),
        ("notitie.txt", TXT),
        ("NOTITIE.TXT", b"\xef\xbb\xbfmet BOM\n"),
    ],
)
def test_real_documents_are_accepted(name, content):
    upload = SimpleUploadedFile(name, content)
    assert upload_problem(upload, extensions=OFFICE, max_bytes=TEN_MB) is None
    validate_upload(upload, extensions=OFFICE, max_bytes=TEN_MB)  # raises nothing
    assert upload.read() == content  # the check leaves the file at its start


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verslag.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("verslag.pdf", b"MZ\x90\x00 an executable"),
        ("verslag.docx", XLSX),  # a workbook is not a Word document
        ("begroting.xlsx", DOCX),
        ("verslag.odt", ODS),
        ("begroting.ods", ODT),
        ("verslag.docx", ODT),
        ("verslag.docx", b"PK\x03\x04 not really a zip"),
        ("verslag.odt", PDF),
        ("notitie.txt", b"<html><body>page</body></html>"),
        ("notitie.txt", b"  <svg onload=alert(1)>"),
        ("notitie.txt", b"binary\x00data"),
        ("notitie.txt", b"\xff\xfe not utf-8"),
        ("notitie.txt", PDF[:0] + b"\x89PNG\r\n\x1a\n"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(name, content):
    upload = SimpleUploadedFile(name, content)
    assert upload_problem(upload, extensions=OFFICE, max_bytes=TEN_MB) == "file_content"
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload, extensions=OFFICE, max_bytes=TEN_MB)
    assert "Sla het opnieuw op als" in refused.value.messages[0]


def test_zip_without_an_office_manifest_is_not_an_office_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("index.html", "<script>alert(1)</script>")
    assert detected_type(SimpleUploadedFile("x.docx", buffer.getvalue())) is None


def test_html_named_pdf_and_unknown_extension_get_a_clear_dutch_error():
    with pytest.raises(ValidationError) as refused:
        validate_upload(
            SimpleUploadedFile("pagina.html", b"<html></html>"),
            extensions=OFFICE,
            max_bytes=TEN_MB,
        )
    message = refused.value.messages[0]
    assert message.startswith("Dit bestandstype is niet toegestaan.")
    assert "Toegestaan zijn: PDF, ODT, DOCX, ODS, XLSX, TXT." in message
    with pytest.raises(ValidationError) as refused:
        validate_upload(
            SimpleUploadedFile("pagina.pdf", b"<html></html>"), extensions=OFFICE, max_bytes=TEN_MB
        )
    assert "geen PDF-bestand" in refused.value.messages[0]


def test_too_large_and_empty_are_refused():
    big = SimpleUploadedFile("groot.pdf", PDF + b"0" * TEN_MB)
    assert upload_problem(big, extensions=OFFICE, max_bytes=TEN_MB) == "file_size"
    with pytest.raises(ValidationError) as refused:
        validate_upload(big, extensions=OFFICE, max_bytes=TEN_MB)
    assert "het mag hoogstens 10,0\xa0MB zijn" in refused.value.messages[0]
    empty = SimpleUploadedFile("leeg.txt", b"")
    assert upload_problem(empty, extensions=OFFICE, max_bytes=TEN_MB) == "file_empty"


@pytest.mark.parametrize(
    ("stored", "safe"),
    [
        ("werkgroepen/3/verslag.pdf", "verslag.pdf"),
        ('werkgroepen/3/a"b;c\r\n.pdf', "a_b_c.pdf"),
        ("..\\..\\etc\\passwd", "passwd"),
        ("", "document"),
    ],
)
def test_safe_filename(stored, safe):
    assert safe_filename(stored) == safe
