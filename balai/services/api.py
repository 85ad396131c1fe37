import hashlib

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from balai.accounts.models import Office
from balai.core.access import PUBLIC
from balai.core.throttling import PublicThrottle

from . import selectors
from .models import LifeEvent, Service

CACHE_SECONDS = 300


class AgencyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Office
        fields = ["code", "name", "short_name", "kind"]


class RequirementSerializer(serializers.Serializer):
    name = serializers.CharField()
    upload = serializers.BooleanField()


class FormFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    type = serializers.CharField()
    required = serializers.BooleanField()
    choices = serializers.ListField(child=serializers.CharField(), required=False)


@extend_schema_field(RequirementSerializer(many=True))
class RequirementsField(serializers.JSONField):
    """The stored list as is (validated on save): much faster than a nested serializer per row."""


@extend_schema_field(FormFieldSerializer(many=True))
class FormFieldsField(serializers.JSONField):
    pass


@extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=["online", "village", "counter"])))
class ChannelsField(serializers.JSONField):
    pass


class ServiceSerializer(serializers.ModelSerializer):
    agency = AgencyBriefSerializer(read_only=True)
    requirements = RequirementsField(read_only=True)
    form_fields = FormFieldsField(read_only=True)
    channels = ChannelsField(read_only=True)
    life_events = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Service
        fields = ["code", "name", "agency", "level", "description", "requirements", "conditions", "legal_basis",
                  "processing_days", "fee", "fee_note", "output", "channels", "life_events", "form_fields",
                  "workflow", "letter_type", "url"]

    def get_url(self, obj) -> str:
        return f"/layanan/{obj.code}/"

    def get_life_events(self, obj) -> list[str]:
        return [event.slug for event in obj.life_events.all()]  # prefetched


class AgencySerializer(serializers.ModelSerializer):
    service_count = serializers.IntegerField(read_only=True)
    village_service_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Office
        fields = ["code", "name", "short_name", "kind", "address", "phone", "service_count", "village_service_count"]


class ServiceLifeEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = LifeEvent
        fields = ["slug", "name", "description", "order"]


@extend_schema_view(
    list=extend_schema(parameters=[
        OpenApiParameter("agency", str, description=_("kode instansi, mis. dispendukcapil")),
        OpenApiParameter("life_event", str, description=_("kode peristiwa kehidupan, mis. lahir")),
        OpenApiParameter("level", str, description="village | district | agency"),
        OpenApiParameter("search", str, description=_("kata kunci pada nama/uraian (tanpa membedakan huruf besar)")),
    ])
)
class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """The public service catalogue."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    serializer_class = ServiceSerializer
    lookup_field = "code"

    def list(self, request, *args, **kwargs):
        # The catalogue changes rarely: serve the serialized page from the cache, keyed by the catalogue
        # version and the query string, so a page costs one aggregate query instead of ~50 serialized rows.
        key = "services-api:" + hashlib.sha256(
            f"{selectors.catalogue_version()}|{request.build_absolute_uri('/')}|{sorted(request.query_params.lists())}".encode()
        ).hexdigest()
        data = cache.get(key)
        if data is None:
            data = super().list(request, *args, **kwargs).data
            cache.set(key, data, CACHE_SECONDS)
        return Response(data)

    def get_queryset(self):
        queryset = selectors.services_listing().prefetch_related("life_events")
        params = self.request.query_params
        if params.get("agency"):
            queryset = queryset.filter(agency__code=params["agency"])
        if params.get("life_event"):
            queryset = queryset.filter(life_events__slug=params["life_event"])
        if params.get("level"):
            queryset = queryset.filter(level=params["level"])
        if params.get("search"):
            queryset = selectors.search_services(params["search"], queryset)
        return queryset


class AgencyViewSet(viewsets.ReadOnlyModelViewSet):
    """Agencies in the catalogue (regency and national), with their number of active services."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    serializer_class = AgencySerializer
    lookup_field = "code"

    def get_queryset(self):
        return (
            Office.objects.filter(kind__in=selectors.AGENCY_KINDS)
            .annotate(
                service_count=Count("services", filter=Q(services__is_active=True)),
                village_service_count=Count(
                    "services", filter=Q(services__is_active=True, services__level=Service.Level.VILLAGE)),
            )
            .order_by("kind", "name")
        )


class LifeEventViewSet(viewsets.ReadOnlyModelViewSet):
    """Life events used to browse the catalogue."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    serializer_class = ServiceLifeEventSerializer
    lookup_field = "slug"
    queryset = LifeEvent.objects.order_by("order", "name")
