from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from balai.accounts.models import Office
from balai.core.access import public

from . import selectors
from .models import CHANNELS, LifeEvent, Service

PAGE_SIZE = 30
CATALOGUE_CACHE_SECONDS = 300


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("hal"))


@public
def index(request):
    """The catalogue: search, browse by life event and by agency."""
    query = request.GET.get("q", "").strip()
    context = {
        "query": query,
        # Lazy: evaluated only when the cached fragment is missing.
        "life_events": selectors.life_events_with_counts(),
        "agencies": selectors.agencies_with_counts(),
        "village_count": selectors.village_service_count,
        "total": lambda: Service.objects.active().count(),
        "version": selectors.catalogue_version(),
        "cache_seconds": CATALOGUE_CACHE_SECONDS,
    }
    if query:
        context["page"] = _page(request, selectors.search_services(query))
    return render(request, "services/index.html", context)


@public
def agency(request, code):
    if code == selectors.VILLAGE_PSEUDO_AGENCY:
        office = None
        title = _("Kantor desa/kelurahan (Smart Kampung)")
        queryset = selectors.services_listing().filter(level=Service.Level.VILLAGE)
    else:
        office = get_object_or_404(Office, code=code, kind__in=selectors.AGENCY_KINDS)
        title = office.name
        queryset = selectors.services_listing().filter(agency=office)
    query = request.GET.get("q", "").strip()
    queryset = selectors.search_services(query, queryset)
    return render(request, "services/agency.html", {
        "office": office, "title": title, "page": _page(request, queryset), "query": query,
        "version": selectors.catalogue_version(), "cache_seconds": CATALOGUE_CACHE_SECONDS,
    })


@public
def life_event(request, slug):
    event = get_object_or_404(LifeEvent, slug=slug)
    queryset = selectors.services_listing().filter(life_events=event)
    return render(request, "services/life_event.html", {
        "event": event, "page": _page(request, queryset),
        "version": selectors.catalogue_version(), "cache_seconds": CATALOGUE_CACHE_SECONDS,
    })


@public
def detail(request, code):
    service = get_object_or_404(Service.objects.select_related("agency"), code=code)
    if not service.is_active:
        raise Http404
    channels = [(c, CHANNELS[c]) for c in service.channels if c in CHANNELS]
    return render(request, "services/detail.html", {
        "service": service,
        "channels": channels,
        "channel_codes": set(service.channels),
        "life_events": service.life_events.all(),
    })
