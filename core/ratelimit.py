"""A small fixed-window rate limit on the shared cache (Redis in production), for forms anyone can post."""

from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope: str, *, limit: int, period: int) -> bool:
    """Count one attempt for this client; False once it made more than ``limit`` in ``period`` seconds."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=period)
        return True
