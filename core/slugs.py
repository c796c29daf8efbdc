"""Unique, readable slugs for user-created objects."""

from django.utils.crypto import get_random_string
from django.utils.text import slugify


def unique_slug(model, text: str, *, max_length: int = 200) -> str:
    base = (slugify(text)[: max_length - 7].strip("-")) or "item"
    candidate = base
    while model.objects.filter(slug=candidate).exists():
        candidate = f"{base}-{get_random_string(6, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    return candidate
