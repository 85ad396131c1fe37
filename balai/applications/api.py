"""API: applications (citizens: their own; staff: their scope), transitions, SKM results, complaints."""

import datetime as dt
import json

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.accounts import permissions as perms
from balai.core.access import PUBLIC
from balai.core.links import UUID_PATTERN
from balai.core.throttling import PublicThrottle
from balai.services.models import Service

from . import feedback, selectors
from .models import Application, Complaint, SurveyResponse
from .services import allowed_actions, application_submit, application_transition


def _messages(error: ValidationError):
    return error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}


class EventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor_name = serializers.CharField()
    note = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    service = serializers.CharField(source="service.code")
    agency = serializers.CharField(source="agency.code")
    status_label = serializers.CharField()
    sla = serializers.SerializerMethodField()
    applicant_nik = serializers.CharField(source="masked_nik")
    village = serializers.CharField(source="village_id", allow_null=True)

    class Meta:
        model = Application
        fields = ["public_id", "reference", "service", "agency", "workflow", "status", "status_label", "channel",
                  "applicant_name", "applicant_nik", "village", "data", "submitted_at", "due_date", "paused_days",
                  "completed_at", "sla"]

    def get_sla(self, obj) -> str:
        return obj.sla_state()


class ApplicationDetailSerializer(ApplicationSerializer):
    events = EventSerializer(many=True, read_only=True)
    actions = serializers.SerializerMethodField()

    class Meta(ApplicationSerializer.Meta):
        fields = ApplicationSerializer.Meta.fields + ["events", "actions"]

    def get_actions(self, obj) -> list[str]:
        request = self.context["request"]
        return [a for a, _label in allowed_actions(obj, user=request.user,
                                                   membership=getattr(request, "membership", None))]


class ApplicationCreateSerializer(serializers.Serializer):
    service = serializers.SlugField()
    data = serializers.DictField(required=False, default=dict)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=20)


class TransitionSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="verify, check, sign, approve, process, complete, collect, "
                                             "return, reject, resubmit")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class NewestFirst(CursorPagination):
    ordering = "-id"
    page_size = 50


class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                         viewsets.GenericViewSet):
    """Applications: a citizen sees their own, staff those in their office's scope (keyset pages).

    POST creates an online application for the signed-in citizen: JSON, or ``multipart/form-data`` with
    ``service``, ``data`` (a JSON object in a text part) and one file part per upload requirement, named
    exactly as the requirement (checked like the form: PDF, JPEG or PNG by content, 5 MB at most); send
    an ``Idempotency-Key`` header so that a retry creates no second application."""

    access = perms.staff | perms.citizen
    lookup_field = "public_id"
    lookup_value_regex = UUID_PATTERN
    pagination_class = NewestFirst

    def get_queryset(self):
        qs = selectors.applications_visible_to(self.request).select_related("service", "agency")
        if self.action == "retrieve":
            qs = qs.prefetch_related("events")
        return qs

    def get_object(self):
        # Out-of-scope applications answer 403 (not 404), the same as the HTML pages.
        application = get_object_or_404(Application.objects.select_related("service", "agency"),
                                        public_id=self.kwargs["public_id"])
        if not selectors.can_see(self.request, application):
            raise PermissionDenied
        return application

    def get_serializer_class(self):
        if self.action == "create":
            return ApplicationCreateSerializer
        if self.action == "retrieve":
            return ApplicationDetailSerializer
        if self.action == "transition":
            return TransitionSerializer
        return ApplicationSerializer

    @extend_schema(request=ApplicationCreateSerializer, responses=ApplicationSerializer)
    def create(self, request, *args, **kwargs):
        if not perms.citizen(request):
            raise PermissionDenied(_("Pengajuan lewat API hanya untuk akun warga."))
        payload = ApplicationCreateSerializer(data=_create_payload(request))
        payload.is_valid(raise_exception=True)
        service = get_object_or_404(Service.objects.select_related("agency"), code=payload.validated_data["service"])
        required = {r["name"] for r in service.upload_requirements}
        strangers = sorted(set(request.FILES) - required)
        if strangers:
            return Response({"detail": _("Berkas “%(names)s” bukan persyaratan unggah layanan ini; nama bagian "
                                         "berkas harus sama dengan nama persyaratan.") % {"names": ", ".join(strangers)}},
                            status=400)
        uploads = {name: request.FILES.get(name) for name in required}
        person = getattr(request.user, "person", None)
        if person is None:
            return Response({"detail": _("Akun belum tertaut dengan data kependudukan.")}, status=400)
        key = request.headers.get("Idempotency-Key", "")[:64] or None
        try:
            application = application_submit(
                service=service, channel="online", data=payload.validated_data["data"], applicant=person,
                user=request.user, idempotency_key=f"api:{request.user.pk}:{key}" if key else None,
                applicant_email=payload.validated_data["email"], applicant_phone=payload.validated_data["phone"],
                uploads=uploads)
        except ValidationError as error:
            return Response(_messages(error), status=400)
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=TransitionSerializer, responses=ApplicationDetailSerializer)
    @action(detail=True, methods=["post"], url_path="transitions")
    def transition(self, request, public_id=None):
        application = self.get_object()
        payload = TransitionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            application_transition(application=application, action=payload.validated_data["action"],
                                   user=request.user, membership=getattr(request, "membership", None),
                                   note=payload.validated_data["note"])
        except ValidationError as error:
            return Response(_messages(error), status=409)
        application.refresh_from_db()
        return Response(ApplicationDetailSerializer(application, context={"request": request}).data)


def _create_payload(request) -> dict:
    """The create request's fields: a JSON body as it is; a multipart body (with the requirement files)
    carries ``data`` as a JSON object in a text part."""
    if not request.content_type.startswith("multipart/"):
        return request.data
    payload = {key: request.data.get(key) for key in ("service", "email", "phone") if key in request.data}
    raw = request.data.get("data") or "{}"
    try:
        payload["data"] = json.loads(raw)
    except ValueError:
        raise ParseError(_("Bagian “data” harus berisi objek JSON, mis. {\"keperluan\": \"Sekolah\"}."))
    return payload


IKM_RESULT = inline_serializer("IkmResult", {
    "name": serializers.CharField(allow_null=True), "respondents": serializers.IntegerField(),
    "nrr": serializers.DictField(child=serializers.DecimalField(max_digits=6, decimal_places=4)),
    "ikm": serializers.DecimalField(max_digits=6, decimal_places=4),
    "ikm_weight_0_111": serializers.DecimalField(max_digits=6, decimal_places=4),
    "converted": serializers.DecimalField(max_digits=6, decimal_places=2),
    "converted_weight_0_111": serializers.DecimalField(max_digits=6, decimal_places=2),
    "grade": serializers.CharField(), "grade_label": serializers.CharField(),
})


def _ikm_json(name, result):
    return {"name": name, "respondents": result.respondents, "nrr": {k: str(v) for k, v in result.nrr.items()},
            "ikm": str(result.ikm), "ikm_weight_0_111": str(result.ikm_printed), "converted": str(result.converted),
            "converted_weight_0_111": str(result.converted_printed), "grade": result.grade,
            "grade_label": result.grade_label}


class SurveyResultsView(APIView):
    """Public SKM/IKM results (PermenPAN-RB 14/2017) for a period, overall or grouped."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    GROUPS = {"service": "service__code", "agency": "agency__code", "hall": "hall__code"}

    @extend_schema(parameters=[
        OpenApiParameter("from", dt.date), OpenApiParameter("to", dt.date),
        OpenApiParameter("group", str, enum=["service", "agency", "hall"]),
        OpenApiParameter("service", str), OpenApiParameter("agency", str),
    ], responses={200: inline_serializer("IkmResults", {"overall": IKM_RESULT, "groups": IKM_RESULT})})
    def get(self, request):
        qs = SurveyResponse.objects.all()
        for param, lookup in (("from", "created_at__date__gte"), ("to", "created_at__date__lte")):
            value = request.query_params.get(param)
            if value:
                try:
                    qs = qs.filter(**{lookup: dt.date.fromisoformat(value)})
                except ValueError:
                    return Response({param: _("format TTTT-BB-HH")}, status=400)
        if request.query_params.get("service"):
            qs = qs.filter(service__code=request.query_params["service"])
        if request.query_params.get("agency"):
            qs = qs.filter(agency__code=request.query_params["agency"])
        overall = feedback.ikm_for(qs)
        data = {"overall": _ikm_json(None, overall) if overall else None, "groups": []}
        group = self.GROUPS.get(request.query_params.get("group", ""))
        if group:
            data["groups"] = [_ikm_json(name, r) for name, r in feedback.ikm_by(qs.exclude(**{group: None}), group)]
        return Response(data)


class ComplaintSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.name", read_only=True)

    class Meta:
        model = Complaint
        fields = ["token", "subject", "body", "status", "office", "created_at", "response_due", "answer",
                  "answered_at"]
        read_only_fields = fields


class ComplaintCreateSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=5000)
    service = serializers.SlugField(required=False, allow_blank=True)
    reference = serializers.CharField(required=False, allow_blank=True)
    anonymous = serializers.BooleanField(default=False)
    name = serializers.CharField(required=False, allow_blank=True, default="")
    contact = serializers.CharField(required=False, allow_blank=True, default="")


class ComplaintViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """File a complaint (public, throttled) and read its answer by the opaque token."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    serializer_class = ComplaintSerializer
    lookup_field = "token"
    queryset = Complaint.objects.select_related("office")

    @extend_schema(request=ComplaintCreateSerializer, responses={201: ComplaintSerializer})
    def create(self, request):
        from .models import normalise_reference

        payload = ComplaintCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        v = payload.validated_data
        service = Service.objects.select_related("agency").filter(code=v.get("service") or "").first()
        application = None
        if v.get("reference"):
            application = Application.objects.select_related("service", "agency").filter(
                reference=normalise_reference(v["reference"])).first()
            if application is None:
                return Response({"reference": _("Nomor permohonan tidak ditemukan.")}, status=400)
        try:
            complaint = feedback.complaint_file(subject=v["subject"], body=v["body"], service=service,
                                                application=application, anonymous=v["anonymous"], name=v["name"],
                                                contact=v["contact"])
        except ValidationError as error:
            return Response(_messages(error), status=400)
        return Response(ComplaintSerializer(complaint).data, status=201)
