"""Form widgets that know no app."""

from django import forms
from django.utils.html import format_html


class DatalistInput(forms.TextInput):
    """A text input with suggestions from a ``<datalist>`` that ``static/js/datalist.js`` fills on first focus.

    The page renders an empty ``<datalist>``: the suggestions come from ``source`` (a URL answering a JSON
    object ``{"names": [...]}``), which the browser caches, so a page does not carry hundreds of options.
    Without JavaScript it is a plain text input.
    """

    def __init__(self, source, attrs=None):
        super().__init__(attrs)
        self.source = source

    @property
    def media(self):
        return forms.Media(js=[forms.Script("js/datalist.js", defer=True)])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if widget_attrs.get("id"):
            widget_attrs["list"] = f"{widget_attrs['id']}_options"
        widget_attrs["data-datalist-src"] = str(self.source)
        widget_attrs.setdefault("autocomplete", "off")
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        list_id = (attrs or {}).get("id") or self.attrs.get("id")
        if not list_id:
            return html
        return format_html('{}<datalist id="{}_options"></datalist>', html, list_id)
