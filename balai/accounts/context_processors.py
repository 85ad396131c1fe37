from django.conf import settings

from balai.core.nav import items_for


def navigation(request):
    return {
        "nav_items": items_for(request) if hasattr(request, "user") else [],
        "current_membership": getattr(request, "membership", None),
        "memberships": getattr(request, "memberships", []),
        "BALAI_REGENCY": settings.BALAI_REGENCY,
    }
