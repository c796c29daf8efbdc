"""Template filters shared by all pages."""

from django import template

from kennisportaal.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)
