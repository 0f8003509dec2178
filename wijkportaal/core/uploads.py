"""The one check on uploaded documents and images, and the one way to hand a stored file back.

Upload: an allowed extension, a size limit, and a type read from the content that matches the
extension — a PDF starts with `%PDF-`; DOCX/XLSX are zip packages whose `[Content_Types].xml`
names a Word document or an Excel workbook; ODT/ODS are zip packages whose first entry
`mimetype` names an OpenDocument text or spreadsheet; TXT is valid UTF-8 without NUL bytes and
is not a web page; PNG/JPEG by their signatures. So an HTML page or an executable renamed to
`.pdf` is refused. Apps pass their own extensions and limit, and either word the errors
themselves (`upload_problem`) or take the core's Dutch wording (`validate_upload`).

Download: `download_response` answers a stored file as an attachment with `nosniff`, a safe
file name and the content type of its extension; no file is ever served under MEDIA_URL."""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension → (content type, detected type that must match)
FILE_TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
}

# Signatures of the types recognised by their first bytes alone.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
_ZIP_SIGNATURE = b"PK\x03\x04"

# The package parts that tell the zip-based office formats apart (main part content types).
_OOXML_MAIN_PARTS: tuple[tuple[str, str], ...] = (
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "docx"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xlsx"),
)
_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# The small entries read from a package; a larger one is not a real manifest.
_MAX_MANIFEST_BYTES = 256 * 1024

# Text that a browser would render as a page or a script, were it ever sniffed.
_MARKUP_START = re.compile(rb"^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe)", re.I)


def extension_of(name: str) -> str:
    name = name or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_for(name: str) -> str:
    return FILE_TYPES.get(extension_of(name), ("application/octet-stream", ""))[0]


def _read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _zip_type(upload) -> str | None:
    """docx, xlsx, odt or ods for a real office package, else None."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                info = package.getinfo("mimetype")
                if info.file_size > _MAX_MANIFEST_BYTES:
                    return None
                mimetype = package.read(info).decode("ascii", "replace").strip()
                return _ODF_MIMETYPES.get(mimetype)
            if "[Content_Types].xml" in names:
                info = package.getinfo("[Content_Types].xml")
                if info.file_size > _MAX_MANIFEST_BYTES:
                    return None
                manifest = package.read(info).decode("utf-8", "replace")
                for content_type, kind in _OOXML_MAIN_PARTS:
                    if re.search(
                        rf"""ContentType\s*=\s*["']{re.escape(content_type)}["']""", manifest
                    ):
                        return kind
            return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError):
        return None
    finally:
        upload.seek(0)


def _is_plain_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not _MARKUP_START.match(data.removeprefix(b"\xef\xbb\xbf"))


def detected_type(upload, *, expect: str = "") -> str | None:
    """The type the content shows (pdf, png, jpeg, docx, xlsx, odt, ods, txt), or None.
    Plain text has no signature, so it is only tried when the extension expects it."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(_ZIP_SIGNATURE):
        return _zip_type(upload)
    if expect == "txt" and _is_plain_text(_read_all(upload)):
        return "txt"
    return None


def upload_problem(upload, *, extensions: Iterable[str], max_bytes: int) -> str | None:
    """None when the upload is fine, else what is wrong: "file_type", "file_size",
    "file_empty" or "file_content"."""
    extension = extension_of(getattr(upload, "name", ""))
    if extension not in extensions or extension not in FILE_TYPES:
        return "file_type"
    if upload.size > max_bytes:
        return "file_size"
    if upload.size == 0:
        return "file_empty"
    expected = FILE_TYPES[extension][1]
    if detected_type(upload, expect=expected) != expected:
        return "file_content"
    return None


def validate_upload(upload, *, extensions: Iterable[str], max_bytes: int) -> None:
    """Raise a ValidationError with the core's Dutch wording when the upload is refused
    (for a form's `clean_<field>` or a service's field errors)."""
    extensions = tuple(extensions)
    problem = upload_problem(upload, extensions=extensions, max_bytes=max_bytes)
    if problem is None:
        return
    extension = extension_of(getattr(upload, "name", ""))
    if problem == "file_type":
        message = _("Dit bestandstype is niet toegestaan. Toegestaan zijn: %(types)s.") % {
            "types": ", ".join(extension.upper() for extension in extensions)
        }
    elif problem == "file_size":
        message = _("Het bestand is %(size)s; het mag hoogstens %(max)s zijn.") % {
            "size": filesizeformat(upload.size),
            "max": filesizeformat(max_bytes),
        }
    elif problem == "file_empty":
        message = _("Het bestand is leeg.")
    else:
        message = _(
            "De inhoud van dit bestand is geen %(ext)s-bestand. Sla het opnieuw op als %(ext)s "
            "of kies een ander bestand."
        ) % {"ext": extension.upper()}
    raise ValidationError(message, code=problem)


def safe_filename(name: str) -> str:
    """The last part of a stored name, without control characters, quotes or separators."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r'["/\\;:*?<>|]', "_", base).strip(" .")
    return base or "document"


def download_response(field_file) -> FileResponse:
    """A stored file as a download: `Content-Disposition: attachment` with a safe name, the
    content type of its extension and `X-Content-Type-Options: nosniff`; 404 when it is gone."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    filename = safe_filename(field_file.name)
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type_for(filename)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
