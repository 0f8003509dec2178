"""Every CSV download the portal offers goes through `csv_response`: UTF-8 with a byte-order
mark (so spreadsheet programs read the accents), streamed row by row, and with every cell that
a spreadsheet would run as a formula neutralised. JSON downloads go through `json_response`,
streamed as it is encoded (the whole document is never one string in memory)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

# json's encoder yields many tiny pieces; they are sent in chunks of about this many characters.
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


def _json_pieces(value, encoder: DjangoJSONEncoder, depth: int) -> Iterable[str]:
    """`value` as JSON text in pieces: the outer `depth` levels of objects and lists piece by
    piece, everything below them in one go by the C encoder (json's own piecewise encoder is
    pure Python and several times slower)."""
    if depth and isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        for index, (key, item) in enumerate(value.items()):
            opening = "{" if index == 0 else encoder.item_separator
            yield opening + encoder.encode(key) + encoder.key_separator
            yield from _json_pieces(item, encoder, depth - 1)
        yield "}"
    elif depth and isinstance(value, list | tuple) and value:
        for index, item in enumerate(value):
            yield "[" if index == 0 else encoder.item_separator
            yield from _json_pieces(item, encoder, depth - 1)
        yield "]"
    else:
        yield encoder.encode(value)


def json_chunks(payload, *, chunk: int = JSON_CHUNK, depth: int = 3) -> Iterable[bytes]:
    """`payload` encoded as JSON (dates and decimals as Django encodes them, accents kept), in
    chunks of about `chunk` characters. The outer `depth` levels are encoded piece by piece,
    so no more than one item below them is ever one string in memory."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    buffer: list[str] = []
    size = 0
    for piece in _json_pieces(payload, encoder, depth):
        buffer.append(piece)
        size += len(piece)
        if size >= chunk:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def json_response(payload, *, content_type: str = "application/json"):
    """A streamed JSON document (an open-data download)."""
    return StreamingHttpResponse(json_chunks(payload), content_type=content_type)
