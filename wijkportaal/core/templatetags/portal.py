from django import template

from wijkportaal.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ entry.body|markdown }}: user Markdown rendered and sanitised."""
    return render_markdown(text)
