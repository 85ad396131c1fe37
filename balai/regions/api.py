from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from balai.core.access import PUBLIC
from balai.core.throttling import PublicThrottle

from .models import Region


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_id", allow_null=True)

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "level", "parent"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("parent", str, description=_("kode induk, mis. 35.10 untuk kecamatan di Banyuwangi")),
            OpenApiParameter("level", int, description=_("1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan")),
        ]
    )
)
class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """Kemendagri regions (public)."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    serializer_class = RegionSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9.]+"

    def get_queryset(self):
        queryset = Region.objects.order_by("code")
        parent = self.request.query_params.get("parent")
        if parent:
            queryset = queryset.filter(parent_id=parent)
        elif self.action == "list":
            queryset = queryset.filter(level=1)
        level = self.request.query_params.get("level")
        if level and level.isdigit():
            queryset = queryset.filter(level=int(level))
        return queryset
