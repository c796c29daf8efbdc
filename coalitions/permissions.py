"""Who may do what: object-level rules for coalitions and regions, cached on the user per request.

Views use these to scope querysets; anything outside the user's scope answers 404, never 403.
"""

from coalitions.models import Coalition, CoalitionMembership, Region, RegionCoordinator


def _cached(user, name, compute):
    cache = user.__dict__.setdefault("_kp_permission_cache", {})  # pragma: no mutate (any private name works)
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def led_coalition_ids(user) -> frozenset[int]:
    """Coalitions the user is project leader of."""
    if not user.is_authenticated:
        return frozenset()
    return _cached(user, "led", lambda: frozenset(  # pragma: no mutate (a cache key: any distinct name works)
        CoalitionMembership.objects.filter(user=user, role=CoalitionMembership.Role.PROJECT_LEADER)
        .values_list("coalition_id", flat=True)
    ))


def memberships_of(user) -> list[CoalitionMembership]:
    """The user's memberships with their coalitions (name and slug only), by coalition name: read once, and the
    coalitions the user leads taken from them, so a page that lists the memberships and asks
    ``led_coalition_ids`` reads once."""
    memberships = list(CoalitionMembership.objects.filter(user=user).select_related("coalition")
                       .only("role", "coalition__name", "coalition__slug").order_by("coalition__name", "pk"))
    _cached(user, "led", lambda: frozenset(  # pragma: no mutate (the cache key of led_coalition_ids)
        m.coalition_id for m in memberships if m.role == CoalitionMembership.Role.PROJECT_LEADER))
    return memberships


def coordinated_region_ids(user) -> frozenset[int]:
    """Regions the user is regional coordinator of."""
    if not user.is_authenticated:
        return frozenset()
    return _cached(user, "coordinated", lambda: frozenset(  # pragma: no mutate (a cache key)
        RegionCoordinator.objects.filter(user=user).values_list("region_id", flat=True)
    ))


def is_project_leader(user, coalition: Coalition) -> bool:
    return user.is_authenticated and (user.is_staff or coalition.pk in led_coalition_ids(user))


def is_coordinator(user, region: Region | int | None) -> bool:
    if not user.is_authenticated or region is None:
        return False
    region_id = region if isinstance(region, int) else region.pk
    return user.is_staff or region_id in coordinated_region_ids(user)


def can_answer_help_request(user, help_request) -> bool:
    """The coordinators of the question's region (and staff) mark it answered."""
    return is_coordinator(user, help_request.region_id)


def is_any_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_staff or bool(coordinated_region_ids(user)))


def manageable_coalitions(user):
    """Coalitions whose page, members and events the user may manage."""
    if not user.is_authenticated:
        return Coalition.objects.none()
    if user.is_staff:
        return Coalition.objects.all()
    return Coalition.objects.filter(pk__in=led_coalition_ids(user))


def moderated_regions(user):
    if not user.is_authenticated:
        return Region.objects.none()
    if user.is_staff:
        return Region.objects.all()
    return Region.objects.filter(pk__in=coordinated_region_ids(user))
