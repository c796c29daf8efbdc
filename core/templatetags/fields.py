"""A form field's widget with its select options built in Python.

Django renders a ``<select>`` through templates: an ``{% include %}`` per option and another per option's
attributes. A list page's filter form has some 35 options, and those includes cost more CPU than the rest of
the form. ``{% field_widget field %}`` renders the field exactly as ``{{ field }}`` does, except that the
stock select and input templates are built here with the same markup and escaping.
"""

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"
# The stock templates that are nothing but {% include "django/forms/widgets/input.html" %}.
_INPUTS = frozenset(f"django/forms/widgets/{name}.html"
                    for name in ("text", "search", "number", "email", "url", "hidden", "checkbox"))


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: `` name="value"``, a bare `` name`` for True, nothing for False.

    Names and labels are escaped as ``{{ }}`` does (not twice when already safe); ``stringformat`` values always.
    """
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        name = conditional_escape(name)
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value))}"')
    return "".join(out)


def _select(widget: dict) -> SafeString:
    """As django/forms/widgets/select.html with select_option.html, byte for byte."""
    out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            out.append(f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                       f'{conditional_escape(option["label"])}</option>\n')
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")  # the renderer strips the template's final newline
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


def _input(widget: dict) -> SafeString:
    """As django/forms/widgets/input.html, byte for byte."""
    value = widget["value"]
    value = "" if value is None else f' value="{escape(str(value))}"'
    html = (f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
            f'{value}{_attrs(widget["attrs"])}>')
    return mark_safe(html)  # noqa: S308 - every value above is escaped


class _SelectRenderer:
    """Wraps a form renderer: the stock select and input templates are built in Python, the rest goes to it."""

    def __init__(self, renderer):
        self._renderer = renderer

    def __getattr__(self, name):
        return getattr(self._renderer, name)

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name == _SELECT and all(
            option["template_name"] == _OPTION for _name, options, _index in widget["optgroups"] for option in options
        ):
            return _select(widget)
        if template_name in _INPUTS:
            return _input(widget)
        return self._renderer.render(template_name, context, request=request)


@register.simple_tag
def field_widget(field) -> SafeString:
    """``{{ field }}``, with a select's options rendered without a template include per option."""
    form = field.form
    renderer = form.renderer
    form.renderer = _SelectRenderer(renderer)
    try:
        return str(field)
    finally:
        form.renderer = renderer
