"""Template filters shared by all pages."""

from django import template
from django.utils.safestring import mark_safe

from core.fragments import CSRF_SLOT
from core.text import render_markdown

register = template.Library()


@register.simple_tag
def csrf_slot():
    """In a fragment shared between members, where ``{% csrf_token %}`` would go: the view fills in each
    member's own token (``core.fragments.fill_csrf_slots``)."""
    return mark_safe(CSRF_SLOT)  # noqa: S308 - a constant


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def page_url(context, page, number):
    """The current URL with the page's parameter set to ``number`` (other parameters kept)."""
    query = context["request"].GET.copy()
    query[getattr(page, "param", "pagina")] = number
    return "?" + query.urlencode()
