"""Queue API: take a ticket, book, check in, read a ticket's status and the board (public,
rate-limited), and counter actions (counter officers of the hall)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.core.access import PUBLIC
from balai.core.throttling import PublicThrottle
from balai.services.models import Service

from . import selectors, services
from .models import Booking, Hall, Priority, Ticket
from .permissions import console_access
from .services import COUNTER_ACTIONS as ACTIONS


class TicketSerializer(serializers.ModelSerializer):
    hall = serializers.CharField(source="hall.office.code")
    service = serializers.CharField(source="service.code")
    status_url = serializers.SerializerMethodField()
    counter = serializers.IntegerField(source="counter.number", allow_null=True, default=None)
    ahead = serializers.SerializerMethodField()
    wait_minutes = serializers.SerializerMethodField()

    class Meta:
        model = Ticket
        fields = ["public_id", "number", "hall", "service", "status", "priority", "counter", "arrived_at",
                  "called_at", "ahead", "wait_minutes", "status_url"]

    def get_status_url(self, ticket) -> str:
        url = reverse("queues:ticket", kwargs={"public_id": ticket.public_id})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def _estimate(self, ticket):
        cache = self.context.setdefault("_estimates", {})
        if ticket.pk not in cache:
            cache[ticket.pk] = services.ticket_estimate(ticket)
        return cache[ticket.pk]

    def get_ahead(self, ticket) -> int:
        return self._estimate(ticket)["ahead"]

    def get_wait_minutes(self, ticket) -> int:
        return self._estimate(ticket)["wait_minutes"]


class TicketRequest(serializers.Serializer):
    hall = serializers.SlugField(help_text=_("kode gedung, mis. mpp"))
    service = serializers.SlugField(help_text=_("kode layanan dari katalog"))
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, default="", allow_blank=True)


def _invalid(error: ValidationError):
    return Response({"detail": " ".join(error.messages)}, status=status.HTTP_400_BAD_REQUEST)


def _hall(code):
    return get_object_or_404(Hall.objects.select_related("office"), office__code=code)


class TicketCreate(APIView):
    """Take a queue number (public, rate-limited)."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]

    @extend_schema(request=TicketRequest, responses={201: TicketSerializer})
    def post(self, request):
        data = TicketRequest(data=request.data)
        data.is_valid(raise_exception=True)
        hall = _hall(data.validated_data["hall"])
        service = get_object_or_404(Service, code=data.validated_data["service"])
        try:
            ticket = services.ticket_issue(hall=hall, service=service, priority=data.validated_data["priority"],
                                           source=Ticket.Source.API)
        except ValidationError as error:
            return _invalid(error)
        return Response(TicketSerializer(ticket, context={"request": request}).data, status=status.HTTP_201_CREATED)


class TicketDetail(APIView):
    """A ticket's status, position and estimated wait (public, by its opaque id)."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]

    @extend_schema(responses=TicketSerializer)
    def get(self, request, public_id):
        ticket = get_object_or_404(Ticket.objects.select_related("hall__office", "service", "counter"),
                                   public_id=public_id)
        return Response(TicketSerializer(ticket, context={"request": request}).data)


class BookingSerializer(serializers.ModelSerializer):
    hall = serializers.SlugField(source="hall.office.code")
    service = serializers.SlugField(source="service.code")
    slot = serializers.TimeField(format="%H:%M", input_formats=["%H:%M", "%H:%M:%S"])
    nik = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=16)
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=20)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, default="", allow_blank=True)
    url = serializers.SerializerMethodField()
    qr_svg = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        fields = ["token", "hall", "service", "day", "slot", "name", "nik", "phone", "priority", "status", "url",
                  "qr_svg"]
        read_only_fields = ["token", "status"]

    def get_url(self, booking) -> str:
        url = reverse("queues:booking", kwargs={"token": booking.token})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_qr_svg(self, booking) -> str:
        from balai.core.documents import qr_svg_data_uri

        return qr_svg_data_uri(booking.token)


class BookingCreate(APIView):
    """Book a date and time slot (public, rate-limited). NIK or phone is required."""

    access = PUBLIC
    throttle_classes = [PublicThrottle]

    @extend_schema(request=BookingSerializer, responses={201: BookingSerializer})
    def post(self, request):
        data = BookingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        hall = _hall(v["hall"]["office"]["code"])
        service = get_object_or_404(Service, code=v["service"]["code"])
        try:
            booking = services.booking_create(hall=hall, service=service, day=v["day"], slot=v["slot"],
                                              name=v["name"], nik=v.get("nik", ""), phone=v.get("phone", ""),
                                              priority=v.get("priority", ""), user=request.user)
        except ValidationError as error:
            return _invalid(error)
        return Response(BookingSerializer(booking, context={"request": request}).data, status=status.HTTP_201_CREATED)


class BookingDetail(APIView):
    """A booking by its opaque token (public)."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]

    @extend_schema(responses=BookingSerializer)
    def get(self, request, token):
        booking = get_object_or_404(Booking.objects.select_related("hall__office", "service"), token=token)
        return Response(BookingSerializer(booking, context={"request": request}).data)


class BookingCheckIn(APIView):
    """Check a booking in on its day (kiosk scan): answers the queue number."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]

    @extend_schema(request=None, responses={201: TicketSerializer})
    def post(self, request, token):
        try:
            ticket = services.booking_check_in(token=token)
        except ValidationError as error:
            return _invalid(error)
        return Response(TicketSerializer(ticket, context={"request": request}).data, status=status.HTTP_201_CREATED)


class BoardState(APIView):
    """What the hall's display board shows (public, polled by the board page)."""

    access = PUBLIC
    authentication_classes = []
    renderer_classes = [JSONRenderer]
    throttle_classes = [PublicThrottle]

    @extend_schema(responses=inline_serializer("BoardState", {
        "hall": serializers.DictField(), "time": serializers.CharField(), "date": serializers.CharField(),
        "counters": serializers.ListField(child=serializers.DictField()),
        "calls": serializers.ListField(child=serializers.DictField()),
        "waiting": serializers.DictField()}))
    def get(self, request, code):
        state = selectors.board_state_by_code(code)
        if state is None:
            return Response({"detail": _("Gedung tidak ditemukan.")}, status=status.HTTP_404_NOT_FOUND)
        response = Response(state)
        response["Cache-Control"] = "no-store"
        return response


class CounterActionRequest(serializers.Serializer):
    action = serializers.ChoiceField(choices=ACTIONS)
    to_counter = serializers.IntegerField(required=False)
    to_service = serializers.SlugField(required=False)
    token = serializers.CharField(required=False, help_text=_("kode booking untuk check-in"))


class CounterAction(APIView):
    """A counter action: call (next), recall, no_show, start, finish, transfer, checkin."""

    access = console_access

    @extend_schema(request=CounterActionRequest, responses={200: TicketSerializer, 204: None})
    def post(self, request, pk):
        counter = selectors.counters_for(request).filter(pk=pk).first()
        if counter is None:
            return Response({"detail": _("Loket tidak ditemukan.")}, status=status.HTTP_404_NOT_FOUND)
        data = CounterActionRequest(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            ticket = services.counter_action(counter=counter, action=data.validated_data["action"],
                                             data=data.validated_data, actor=request.user,
                                             membership=request.membership)
        except ValidationError as error:
            return _invalid(error)
        if ticket is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(TicketSerializer(ticket, context={"request": request}).data)
