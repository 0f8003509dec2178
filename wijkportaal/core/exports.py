"""Every CSV download the portal offers goes through `csv_response`: UTF-8 with a byte-order
mark (so spreadsheet programs read the accents), streamed row by row, and with every cell that
a spreadsheet would run as a formula neutralised. JSON downloads go through `json_response`,
streamed as it is encoded (the whole document is never one string in memory)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

import orjson
from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

# The encoded pieces are sent in chunks of about this many bytes.
JSON_CHUNK = 16 * 1024

# Spreadsheet programs treat a cell starting with one of these as a formula (or a DDE call).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The cell as text; one that a spreadsheet would run gets a leading apostrophe. Numbers
    the portal itself writes (negative amounts) stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float) or type(value).__name__ == "Decimal":
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(header: Sequence[str], rows: Iterable[Sequence]) -> Iterable[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(list(header))
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A CSV download of `rows` (sequences in the order of `header`)."""
    response = StreamingHttpResponse(csv_rows(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# orjson encodes the values (an order of magnitude faster than json's encoder); what it does
# not know — dates and times, decimals, lazy texts — goes to Django's encoder, so those come
# out as Django writes them (a datetime to the millisecond, a decimal as a string).
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
_DJANGO_DEFAULT = DjangoJSONEncoder().default


def _encode(value) -> bytes:
    return orjson.dumps(value, default=_DJANGO_DEFAULT, option=_ORJSON_OPTIONS)


def _json_pieces(value, depth: int) -> Iterable[bytes]:
    """`value` as JSON in pieces: the outer `depth` levels of objects and lists piece by
    piece, everything below them in one go."""
    if depth and isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        for index, (key, item) in enumerate(value.items()):
            yield (b"{" if index == 0 else b",") + _encode(key) + b":"
            yield from _json_pieces(item, depth - 1)
        yield b"}"
    elif depth and isinstance(value, list | tuple) and value:
        for index, item in enumerate(value):
            yield b"[" if index == 0 else b","
            yield from _json_pieces(item, depth - 1)
        yield b"]"
    else:
        yield _encode(value)


def json_chunks(payload, *, chunk: int = JSON_CHUNK, depth: int = 3) -> Iterable[bytes]:
    """`payload` encoded as compact UTF-8 JSON (dates and decimals as Django encodes them,
    accents kept), in chunks of about `chunk` bytes. The outer `depth` levels are encoded
    piece by piece, so no more than one item below them is ever one string in memory."""
    buffer: list[bytes] = []
    size = 0
    for piece in _json_pieces(payload, depth):
        buffer.append(piece)
        size += len(piece)
        if size >= chunk:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


def json_response(payload, *, content_type: str = "application/json"):
    """A streamed JSON document (an open-data download)."""
    return StreamingHttpResponse(json_chunks(payload), content_type=content_type)
