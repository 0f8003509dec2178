"""The one check on uploaded documents and images: an allowed extension, a size limit, and first
bytes that match the extension (so a renamed executable is refused). Apps pass their own list
of extensions and limit, and word the error for their own form."""

from __future__ import annotations

# extension → (content type, accepted leading bytes)
FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
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


def extension_of(name: str) -> str:
    name = name or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_for(name: str) -> str:
    return FILE_TYPES.get(extension_of(name), ("application/octet-stream", ()))[0]


def upload_problem(upload, *, extensions, max_bytes: int) -> str | None:
    """None when the upload is fine, else what is wrong: "file_type", "file_size",
    "file_empty" or "file_content"."""
    extension = extension_of(getattr(upload, "name", ""))
    if extension not in extensions or extension not in FILE_TYPES:
        return "file_type"
    if upload.size > max_bytes:
        return "file_size"
    if upload.size == 0:
        return "file_empty"
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in FILE_TYPES[extension][1]):
        return "file_content"
    return None
