"""Search across the portal (/zoeken/). The core knows no domain app: each app registers a
`SearchSource` (core/registry.py) whose `search(query, user)` returns `SearchHit`s of what the
user may see, and uses `matching()` here to match the query. On PostgreSQL that is full-text
search with the Dutch configuration (stemming: "wijkraden" finds "wijkraad"; every word also
as the start of a longer one, for Dutch compounds), best match first; on other databases
(SQLite in development and tests) every word of the query must occur, case-insensitively, in
one of the same fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Page
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .registry import SearchSource, registry

MAX_QUERY_LENGTH = 200
# A source hands over at most this many hits: enough for anyone paging through a kind, and a
# bound on the work one search does.
RESULTS_PER_SOURCE = 100
PAGE_SIZE = 20
SNIPPET_LENGTH = 220
SEARCH_CONFIG = "dutch"


@dataclass(frozen=True)
class SearchHit:
    """One result: what the searcher sees (title, a short snippet) and where it leads."""

    title: str
    url: str
    snippet: str = ""


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def query_words(query: str) -> list[str]:
    return [word for word in re.split(r"\s+", query.strip()) if word][:20]


def matching(queryset: QuerySet, query: str, fields: Sequence[str]) -> QuerySet:
    """The rows of `queryset` that match `query` in `fields` (model fields or lookups through a
    foreign key, never a many-to-many relation: that would repeat rows), best match first on
    PostgreSQL. The caller slices the result."""
    if uses_full_text_search():
        # Every word, stemmed by the Dutch configuration, as a prefix: "wijkraden" finds
        # "wijkraad", and "speeltuin" finds the compound "speeltuinonderhoud". Only letters
        # and digits reach to_tsquery, so no query syntax comes from the searcher.
        words = re.findall(r"[^\W_]+", query)[:20]
        if not words:
            return queryset.none()
        prefixes = " & ".join(f"{word}:*" for word in words)
        search_query = SearchQuery(prefixes, config=SEARCH_CONFIG, search_type="raw")
        return (
            queryset.annotate(search_document=SearchVector(*fields, config=SEARCH_CONFIG))
            .filter(search_document=search_query)
            .annotate(search_rank=SearchRank(F("search_document"), search_query))
            .order_by("-search_rank", "-pk")
        )
    condition = Q()
    for word in query_words(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition).order_by("-pk")


def snippet(text: str, query: str, length: int = SNIPPET_LENGTH) -> str:
    """A short plain-text piece of `text`, around the first word of the query it contains (or
    its beginning), with an ellipsis where it was cut."""
    plain = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    plain = re.sub(r"[#*_`>]+", "", plain)  # Markdown marks read as noise in a snippet
    if len(plain) <= length:
        return plain
    lower = plain.lower()
    positions = [lower.find(word.lower()) for word in query_words(query)]
    found = [position for position in positions if position >= 0]
    start = max(0, min(found) - length // 3) if found else 0
    start = min(start, len(plain) - length)
    if start:
        space = plain.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    piece = plain[start : start + length]
    end = piece.rfind(" ")
    if start + length < len(plain) and end > length // 2:
        piece = piece[:end]
    return ("… " if start else "") + piece + (" …" if start + len(piece) < len(plain) else "")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoeken naar"),
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput,
        error_messages={
            "required": _("Vul een zoekterm in."),
            "max_length": _("Uw zoekterm is te lang: gebruik hoogstens %(limit_value)d tekens."),
        },
    )


@dataclass
class ResultGroup:
    key: str
    label: Any
    hits: list[SearchHit]


def search_all(query: str, user) -> list[dict[str, Any]]:
    """Every source's hits, in the order of the sources: a list of {"kind", "label", "hit"}."""
    rows = []
    for source in registry.all(SearchSource):
        for hit in list(source.search(query, user))[:RESULTS_PER_SOURCE]:
            rows.append({"kind": source.key, "label": source.label, "hit": hit})
    return rows


def counts_per_kind(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = counts.setdefault(row["kind"], {"kind": row["kind"], "label": row["label"]})
        entry["count"] = entry.get("count", 0) + 1
    return list(counts.values())


def group_page(page: Page) -> list[ResultGroup]:
    """The hits of one page, grouped by kind in the order of the sources."""
    groups: list[ResultGroup] = []
    for row in page.object_list:
        if not groups or groups[-1].key != row["kind"]:
            groups.append(ResultGroup(row["kind"], row["label"], []))
        groups[-1].hits.append(row["hit"])
    return groups
