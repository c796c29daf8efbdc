"""Template filters shared by all pages."""

from django import template

from core.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def page_url(context, page, number):
    """The current URL with the page's parameter set to ``number`` (other parameters kept)."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "pagina")] = number
    return "?" + query.urlencode()
