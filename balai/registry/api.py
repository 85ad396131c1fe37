"""Registry API (/api/v1/): persons, families, life events, welfare, schooling.

Same scoping as the screens (selectors), NIK/KK masked in lists, full record on detail (logged).
Pagination is by cursor (keyset on id): no COUNT(*) over the register."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination

from balai.core.audit import log_access
from balai.core.links import UUID_PATTERN
from balai.regions.scope import RegionScope

from . import permissions as rperms
from . import selectors
from .identity import mask_nik
from .models import Family, LifeEvent, Person, Schooling, Welfare


class KeysetPagination(CursorPagination):
    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PersonListSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    nik = serializers.SerializerMethodField()
    village = serializers.CharField(source="village_id")
    family = serializers.UUIDField(source="family.public_id", allow_null=True, default=None)

    class Meta:
        model = Person
        fields = ["id", "nik", "nik_is_temporary", "name", "sex", "birth_date", "life_status", "village", "family"]

    def get_nik(self, obj) -> str:
        return mask_nik(obj.nik)


class PersonDetailSerializer(PersonListSerializer):
    nik = serializers.CharField()

    class Meta(PersonListSerializer.Meta):
        fields = [*PersonListSerializer.Meta.fields, "birth_place", "religion", "education", "occupation",
                  "marital_status", "citizenship", "blood_type", "disability", "relationship", "father_name",
                  "mother_name", "phone", "email", "residence_status", "rt", "created_at", "updated_at"]


class FamilyListSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    kk_number = serializers.SerializerMethodField()
    village = serializers.CharField(source="village_id")
    head = serializers.UUIDField(source="head.public_id", allow_null=True, default=None)

    class Meta:
        model = Family
        fields = ["id", "kk_number", "village", "head", "address", "dusun", "rw", "rt"]

    def get_kk_number(self, obj) -> str:
        return mask_nik(obj.kk_number)


class FamilyDetailSerializer(FamilyListSerializer):
    kk_number = serializers.CharField()


class LifeEventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = serializers.UUIDField(source="person.public_id")

    class Meta:
        model = LifeEvent
        fields = ["id", "person", "kind", "date", "destination", "note", "created_at"]


class WelfareSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    family = serializers.UUIDField(source="family.public_id")

    class Meta:
        model = Welfare
        fields = ["id", "family", "decile", "source", "date"]


class SchoolingSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = serializers.UUIDField(source="person.public_id")

    class Meta:
        model = Schooling
        fields = ["id", "person", "school", "level", "grade", "status", "dropout_reason", "dropout_date", "updated"]


class _Scoped(viewsets.ReadOnlyModelViewSet):
    access = rperms.read_persons
    pagination_class = KeysetPagination
    lookup_field = "public_id"
    lookup_value_regex = UUID_PATTERN

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            # Exists but outside the caller's scope: refuse rather than pretend it is not there.
            model = self.get_queryset().model
            if model.objects.filter(public_id=self.kwargs.get(self.lookup_field)).exists():
                raise PermissionDenied from None
            raise


PERSON_FILTERS = [
    OpenApiParameter("q", str, description=_("NIK, nomor KK, atau awalan nama")),
    OpenApiParameter("village", str, description=_("kode desa/kecamatan, mis. 35.10.01.2001")),
    OpenApiParameter("sex", int, description=_("1 laki-laki, 2 perempuan")),
    OpenApiParameter("status", int, description=_("status dasar: 1 hidup, 2 meninggal, 3 pindah, 4 hilang, 6 pergi")),
    OpenApiParameter("age", str, description=_("kelompok umur 'dari-sampai' dalam tahun, mis. 7-13")),
]


@extend_schema_view(list=extend_schema(parameters=PERSON_FILTERS))
class PersonViewSet(_Scoped):
    """Residents visible to the caller (NIK masked in the list; the full record is logged)."""

    def get_serializer_class(self):
        return PersonDetailSerializer if self.action == "retrieve" else PersonListSerializer

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.persons_visible_to(self.request).select_related("family")
        flt = selectors.PersonFilter.from_params(self.request.query_params)
        return selectors.search_persons(self.request, flt).select_related("family")

    def get_object(self):
        person = super().get_object()
        log_access(self.request, obj=person, label=person.name, region_code=person.village_id)
        return person


@extend_schema_view(list=extend_schema(parameters=[
    OpenApiParameter("village", str, description=_("kode desa/kecamatan")),
    OpenApiParameter("kk", str, description=_("nomor KK lengkap"))]))
class FamilyViewSet(_Scoped):
    """Family cards visible to the caller (KK number masked in the list)."""

    def get_serializer_class(self):
        return FamilyDetailSerializer if self.action == "retrieve" else FamilyListSerializer

    def get_queryset(self):
        qs = selectors.families_visible_to(self.request).select_related("head")
        params = self.request.query_params
        if params.get("village"):
            village = params["village"].strip()
            qs = qs.filter(RegionScope(village).q("village_id")) if village else qs.none()
        if params.get("kk"):
            qs = qs.filter(kk_number=params["kk"].strip())
        return qs

    def get_object(self):
        family = super().get_object()
        log_access(self.request, obj=family, label=f"KK {family.kk_number}", region_code=family.village_id)
        return family


@extend_schema_view(list=extend_schema(parameters=[
    OpenApiParameter("kind", str, description="birth, death, move_in, move_out, missing, left"),
    OpenApiParameter("since", str, description=_("tanggal peristiwa mulai (YYYY-MM-DD)"))]))
class LifeEventViewSet(_Scoped):
    serializer_class = LifeEventSerializer

    def get_queryset(self):
        qs = selectors.events_visible_to(self.request).select_related("person")
        params = self.request.query_params
        if params.get("kind"):
            qs = qs.filter(kind=params["kind"])
        if params.get("since"):
            try:
                since = datetime.date.fromisoformat(params["since"])
            except ValueError:
                raise ValidationError({"since": [_("Tanggal tidak valid; tulis sebagai YYYY-MM-DD, mis. 2026-01-31.")]}) \
                    from None
            qs = qs.filter(date__gte=since)
        return qs


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("decile", int, description=_("desil 1–10"))]))
class WelfareViewSet(_Scoped):
    serializer_class = WelfareSerializer

    def get_queryset(self):
        qs = selectors.welfare_visible_to(self.request).select_related("family")
        decile = self.request.query_params.get("decile")
        if decile and decile.isdigit():
            qs = qs.filter(decile=int(decile))
        return qs


@extend_schema_view(list=extend_schema(parameters=[
    OpenApiParameter("status", str, description="enrolled, dropped_out, graduated"),
    OpenApiParameter("level", str, description="SD, SMP, SMA, SLB, none")]))
class SchoolingViewSet(_Scoped):
    serializer_class = SchoolingSerializer

    def get_queryset(self):
        qs = selectors.schooling_visible_to(self.request).select_related("person")
        params = self.request.query_params
        if params.get("status"):
            qs = qs.filter(status=params["status"])
        if params.get("level"):
            qs = qs.filter(level=params["level"])
        return qs
