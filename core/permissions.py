"""The one way a view applies a permission rule: a refusal answers 404, so nobody learns what exists."""

from django.http import Http404


def require(allowed: bool) -> None:
    """Raise 404 unless the rule allows; apps write their rules in their own ``permissions.py``."""
    if not allowed:
        raise Http404
