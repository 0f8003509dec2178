"""The toolkit's limits for attachments (a few document and image types, 5 MB) and its wording
of the errors. The check itself is the core's (`wijkportaal.core.uploads`): the extension and
the first bytes must agree, so a renamed executable is refused too."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wijkportaal.core.uploads import extension_of, upload_problem

MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024  # 5 MB

ALLOWED_EXTENSIONS = ("pdf", "docx", "odt", "png", "jpg", "jpeg")
ALLOWED_LABEL = "pdf, docx, odt, png, jpg"


def validate_attachment(upload) -> None:
    """Raise a Dutch ValidationError for a forbidden type or a file over the size limit."""
    problem = upload_problem(upload, extensions=ALLOWED_EXTENSIONS, max_bytes=MAX_ATTACHMENT_SIZE)
    if problem == "file_type":
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan. Toegestaan zijn: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code=problem,
        )
    if problem == "file_size":
        raise ValidationError(
            _("Het bestand is %(size)s; het mag hoogstens %(max)s zijn.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_ATTACHMENT_SIZE)},
            code=problem,
        )
    if problem == "file_empty":
        raise ValidationError(_("Het bestand is leeg."), code=problem)
    if problem == "file_content":
        raise ValidationError(
            _("De inhoud van het bestand past niet bij de extensie .%(ext)s.")
            % {"ext": extension_of(upload.name)},
            code=problem,
        )
