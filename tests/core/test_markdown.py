from wijkportaal.core.markdown import render_markdown


def test_markdown_keeps_formatting_and_links():
    html = render_markdown("**Wijkkrant** verschijnt [maandelijks](https://example.org).")
    assert "<strong>Wijkkrant</strong>" in html
    assert 'href="https://example.org"' in html


def test_markdown_strips_scripts_event_handlers_and_javascript_links():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)">[klik](javascript:alert(3))'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
