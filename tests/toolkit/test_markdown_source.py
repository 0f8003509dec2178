"""The stored Markdown never holds executable HTML, whatever a user types."""

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.markdown import clean_markdown_source
from wijkportaal.core.markdown import render_markdown

FRAGMENTS = [
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>",
    '<a href="https://ok.example" onclick="x()">',
    "<p onmouseover=alert(2)>",
    "<svg/onload=alert(3)>",
    "<iframe src=//evil>",
    "<!-- ",
    " -->",
    "<",
    ">",
    "/",
    '"',
    "'",
    "=",
    " ",
    "\n",
    "## kop",
    "> citaat",
    "tekst",
    "`code`",
    "<b>",
    "<style>",
]


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "iframe", "svg", "img", "object", "embed"}:
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower():
                self.bad.append(f"{tag}[{name}]")


def executable_parts(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.bad


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_cleaned_source_and_its_rendering_hold_no_executable_html(parts):
    cleaned, _changed = clean_markdown_source("".join(parts))
    assert executable_parts(cleaned) == []
    assert executable_parts(str(render_markdown(cleaned))) == []


def test_plain_markdown_passes_unchanged():
    text = "## Kop\n\n> een citaat met a < b\n\n- **vet** en *schuin*\n\n[link](https://a.nl)"
    assert clean_markdown_source(text) == (text, False)
