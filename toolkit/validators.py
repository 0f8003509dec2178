"""Checks on uploaded attachments: only a few document and image types, and not too large.
The extension and the first bytes must agree, so a renamed executable is refused too."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024  # 5 MB

# extension → (content type, accepted leading bytes)
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
ALLOWED_LABEL = "pdf, docx, odt, png, jpg"


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_for(name: str) -> str:
    return ALLOWED_TYPES.get(extension_of(name), ("application/octet-stream", ()))[0]


def validate_attachment(upload) -> None:
    """Raise a Dutch ValidationError for a forbidden type or a file over the size limit."""
    extension = extension_of(upload.name)
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan. Toegestaan zijn: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code="file_type",
        )
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("Het bestand is %(size)s; het mag hoogstens %(max)s zijn.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_ATTACHMENT_SIZE)},
            code="file_size",
        )
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="file_empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in ALLOWED_TYPES[extension][1]):
        raise ValidationError(
            _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension},
            code="file_content",
        )
