"""Atom feeds of user-written text: summaries are plain text, and characters XML cannot hold are left out."""

from django.utils.feedgenerator import Atom1Feed

from core.text import strip_control_characters


def _clean(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    return value


class PlainTextAtomFeed(Atom1Feed):
    """Django's Atom feed writes a description as ``<summary type="html">``, so a reader renders user text as
    markup; here it is ``type="text"``, escaped. Titles, names and categories are text in Atom already."""

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_clean(title), link, _clean(description), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
