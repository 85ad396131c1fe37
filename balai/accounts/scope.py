"""The region scope of a request: the acting membership's (see ``balai.regions.scope``).

``scope_for(request)`` is what selectors, views and the API filter with: a staff member's office
region and everything below it; ``RegionScope.nothing()`` for citizens and visitors (their own
records are found by other means, never by region)."""

from balai.regions.scope import RegionScope


def scope_for(request) -> RegionScope:
    membership = getattr(request, "membership", None)
    if membership is None:
        return RegionScope.nothing()
    return membership.scope


__all__ = ["RegionScope", "scope_for"]
