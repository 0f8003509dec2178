"""Sanitising Markdown *source* before it is stored.

Rendering always goes through `wijkportaal.core.markdown.render_markdown` (markdown + nh3).
On top of that, the text we store must never hold executable HTML: raw HTML tags in the source
are rebuilt from a whitelist (the same tags and attributes the renderer allows), script and
style elements are dropped with their content, event-handler attributes and javascript: links
disappear. Plain Markdown (including `>` quotes and `a < b`) passes through unchanged."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from wijkportaal.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
SAFE_SCHEMES = ("http://", "https://", "mailto:", "/", "#")


class _SourceCleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.dropping = 0  # depth inside an element whose content is dropped
        self.changed = False

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.dropping += 1
            self.changed = True
            return
        if self.dropping:
            return
        if tag not in ALLOWED_TAGS:
            self.changed = True
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            allowed = name in ALLOWED_ATTRIBUTES.get(tag, set())
            if allowed and name == "href":
                allowed = value.strip().lower().startswith(SAFE_SCHEMES)
            if allowed:
                kept.append(f' {name}="{escape(value, quote=True)}"')
            else:
                self.changed = True
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in DROP_WITH_CONTENT:
            self.dropping -= 1

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in ALLOWED_TAGS:
            self.out.append(f"</{tag}>")
        else:
            self.changed = True

    def handle_data(self, data):
        if not self.dropping:
            # A "<" that could still open a tag (leftover, unfinished markup) stays text.
            escaped = _TAG_START.sub("&lt;", data)
            self.changed = self.changed or escaped != data
            self.out.append(escaped)

    def handle_entityref(self, name):
        if not self.dropping:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self.dropping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.changed = True

    def handle_decl(self, decl):
        self.changed = True

    def handle_pi(self, data):
        self.changed = True

    def unknown_decl(self, data):
        self.changed = True


def clean_markdown_source(text: str) -> tuple[str, bool]:
    """Return the source without executable HTML, and whether anything was removed."""
    if "<" not in (text or ""):
        return text or "", False
    cleaner = _SourceCleaner()
    cleaner.feed(text)
    # Unfinished markup at the end (e.g. "<img src=x onerror=...") is kept only as text.
    leftover = cleaner.rawdata
    cleaner.rawdata = ""
    cleaner.close()
    if leftover:
        escaped = _TAG_START.sub("&lt;", leftover)
        cleaner.out.append(escaped)
        cleaner.changed = cleaner.changed or escaped != leftover
    return "".join(cleaner.out), cleaner.changed
