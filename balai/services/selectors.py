"""Reads for the public catalogue (no personal data; everything here is public)."""

from django.db.models import Case, Count, IntegerField, Max, Q, Value, When

from balai.accounts.models import Office

from .models import LifeEvent, Service

AGENCY_KINDS = (Office.Kind.AGENCY, Office.Kind.NATIONAL)
VILLAGE_PSEUDO_AGENCY = "desa"  # /layanan/instansi/desa/: services handled at the applicant's village office


def services_listing():
    return Service.objects.for_listing()


def search_services(query: str, queryset=None):
    queryset = services_listing() if queryset is None else queryset
    query = (query or "").strip()
    if not query:
        return queryset
    condition = Q()
    for word in query.split()[:6]:
        condition &= Q(name__icontains=word) | Q(description__icontains=word) | Q(output__icontains=word) | Q(
            code__icontains=word) | Q(agency__short_name__icontains=word)
    # Services whose name contains the whole query come first, then the rest in catalogue order.
    return queryset.filter(condition).annotate(
        name_match=Case(When(name__icontains=query, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("name_match", "agency__name", "order", "name")


def agencies_with_counts():
    """Agencies (regency and national) that have at least one active service, with their counts."""
    return (
        Office.objects.filter(kind__in=AGENCY_KINDS)
        .annotate(service_count=Count("services", filter=Q(services__is_active=True)))
        .filter(service_count__gt=0)
        .order_by("kind", "name")
    )


def life_events_with_counts():
    return LifeEvent.objects.annotate(
        service_count=Count("services", filter=Q(services__is_active=True))
    ).order_by("order", "name")


def village_service_count() -> int:
    return Service.objects.active().filter(level=Service.Level.VILLAGE).count()


def catalogue_version() -> str:
    """A key that changes whenever a service is saved, added, removed or (de)activated: page fragments
    of the public catalogue are cached under it (one cheap aggregate instead of rendering ~50 rows).
    Renaming a life event or an agency shows after the cache timeout (CATALOGUE_CACHE_SECONDS)."""
    row = Service.objects.aggregate(n=Count("pk"), active=Count("pk", filter=Q(is_active=True)), last=Max("updated_at"))
    return f"{row['n']}.{row['active']}.{row['last'].timestamp() if row['last'] else 0}"
