from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language

from balai.accounts import permissions as perms
from balai.accounts.otp import before_second_factor
from balai.accounts.scope import scope_for
from balai.core.access import allow, public
from balai.core.health import page_problem
from balai.core.models import AccessLog
from balai.core.nav import portal_tiles
from balai.regions.models import Level, Region


@public
def home(request):
    regency = Region.objects.filter(code=settings.BALAI_REGENCY).first()
    counts = {}
    if regency:
        counts = {
            "districts": Region.objects.below(regency.code).filter(level=Level.DISTRICT).count(),
            "villages": Region.objects.below(regency.code).filter(level=Level.VILLAGE).count(),
        }
    return render(request, "portal/home.html", {"regency": regency, "counts": counts, "portal_tiles": portal_tiles()})


@public
@never_cache
def healthz(request):
    """Liveness, database status and whether pages can render (the base template with its static URLs,
    see balai/core/health.py), for load balancers and monitoring (no personal data); 503 when either fails."""
    status = {"status": "ok", "time": timezone.now().isoformat()}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        status["database"] = {"status": "ok", "vendor": connection.vendor}
    except Exception as exc:  # report, never crash the health check
        status["status"] = "error"
        status["database"] = {"status": "error", "error": exc.__class__.__name__}
    problem = page_problem(request)
    if problem:
        status["status"] = "error"
        status["pages"] = {"status": "error", "error": problem}
    else:
        status["pages"] = {"status": "ok"}
    return JsonResponse(status, status=200 if status["status"] == "ok" else 503)


set_language = before_second_factor(public(django_set_language))


@allow(perms.citizen)
def citizen_home(request):
    return render(request, "portal/citizen_home.html", {"portal_tiles": portal_tiles()})


@allow(perms.view_access_log)
def access_log(request):
    """Reads of personal data, newest first, keyset-paginated (?before=<id>)."""
    queryset = AccessLog.objects.select_related("user").order_by("-id")
    scope = scope_for(request)
    if not scope.is_nothing and scope.code != settings.BALAI_REGENCY:
        queryset = queryset.filter(scope.q("region_code"))
    before = request.GET.get("before", "")
    if before.isdigit():
        queryset = queryset.filter(id__lt=int(before))
    page_size = 50
    rows = list(queryset[: page_size + 1])
    next_before = rows[page_size - 1].id if len(rows) > page_size else None
    return render(request, "portal/access_log.html", {"rows": rows[:page_size], "next_before": next_before})


@public
def admin_login(request):
    """The admin has no login form of its own: everyone signs in through /masuk/ (with TOTP)."""
    from django.shortcuts import redirect
    from django.utils.http import urlencode

    return redirect(f"/masuk/?{urlencode({'next': request.GET.get('next', '/admin/')})}")


def error_403(request, exception=None):
    response = render(request, "403.html", status=403)
    if getattr(request, "balai_denied", False):
        response["X-Balai-Access"] = "denied"  # refused by the declared access policy
    return response


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
