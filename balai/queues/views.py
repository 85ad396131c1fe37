"""Queue pages: kiosk, booking, the visitor's ticket page, the display board, the counter console
and the analytics. Thin: every write goes through services.py."""

from __future__ import annotations

import csv
import logging
from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.applications.forms import SurveyForm
from balai.core.access import allow, public
from balai.core.documents import qr_svg_data_uri

from . import analytics, selectors, services, surveys
from .forms import BookingForm
from .models import Booking, Counter, Hall, HallService, Priority, Ticket
from .permissions import analytics_access, console_access

logger = logging.getLogger("balai.queues")


def _hall(code) -> Hall:
    return get_object_or_404(Hall.objects.select_related("office"), office__code=code, office__is_active=True)


def _offerings(hall):
    return (HallService.objects.filter(hall=hall, is_active=True, service__is_active=True)
            .select_related("service__agency", "group").order_by("group__prefix", "order", "service__name"))


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@public
def home(request):
    halls = Hall.objects.select_related("office").filter(office__is_active=True).order_by("office__name")
    return render(request, "queues/home.html", {"halls": halls})


@public
def kiosk(request, hall):
    hall = _hall(hall)
    offerings = list(_offerings(hall))
    if request.method == "POST":
        try:
            if request.POST.get("booking"):
                ticket = services.booking_check_in(token=request.POST["booking"], hall=hall)
            else:
                offering = next((o for o in offerings if o.service.code == request.POST.get("service")), None)
                if offering is None:
                    raise ValidationError(_("Pilih layanan."))
                ticket = services.ticket_issue(hall=hall, service=offering.service,
                                               priority=request.POST.get("priority", ""))
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("queues:kiosk", hall=hall.code)
        return redirect(reverse("queues:ticket_print", kwargs={"public_id": ticket.public_id}) + "?kiosk=1")
    return render(request, "queues/kiosk.html", {
        "hall": hall, "offerings": offerings, "priorities": [c for c in Priority.choices if c[0]],
        "is_open": hall.is_open_at(timezone.now())})


def _ticket(public_id) -> Ticket:
    return get_object_or_404(Ticket.objects.select_related("hall__office", "service", "counter", "group"),
                             public_id=public_id)


def _survey_url(ticket):
    return reverse("queues:survey", kwargs={"public_id": ticket.public_id})


def _ticket_context(request, ticket):
    estimate = services.ticket_estimate(ticket)
    status_url = request.build_absolute_uri(reverse("queues:ticket", kwargs={"public_id": ticket.public_id}))
    return {"ticket": ticket, "hall": ticket.hall, **estimate, "status_url": status_url,
            "qr": qr_svg_data_uri(status_url, scale=4),
            "almost": ticket.status == Ticket.Status.WAITING and estimate["ahead"] <= services.NOTIFY_AHEAD,
            "survey_url": _survey_url(ticket)}


@public
def ticket_page(request, public_id):
    ticket = _ticket(public_id)
    return render(request, "queues/ticket.html", _ticket_context(request, ticket))


@public
def ticket_status(request, public_id):
    """The htmx partial the phone page polls."""
    ticket = _ticket(public_id)
    return render(request, "queues/_ticket_status.html", _ticket_context(request, ticket))


@public
def ticket_print(request, public_id):
    ticket = _ticket(public_id)
    width = "58" if request.GET.get("lebar") == "58" else "80"
    return render(request, "queues/ticket_print.html", {
        **_ticket_context(request, ticket), "width": width, "from_kiosk": request.GET.get("kiosk") == "1"})


@public
def survey(request, public_id):
    ticket = _ticket(public_id)
    if ticket.status != Ticket.Status.DONE:
        messages.info(request, _("Survei dibuka setelah layanan selesai."))
        return redirect("queues:ticket", public_id=ticket.public_id)
    if ticket.surveyed_at:
        return render(request, "queues/survey_done.html", {"ticket": ticket})
    form = SurveyForm(request.POST or None)
    error = None
    if request.method == "POST":
        try:
            surveys.ticket_survey_submit(ticket=ticket, **form.answers())
        except ValidationError as refused:
            error = _error_text(refused)
        else:
            return render(request, "queues/survey_done.html", {"ticket": ticket})
    return render(request, "queues/survey.html", {"ticket": ticket, "form": form, "error": error})


# --- booking --------------------------------------------------------------------------------------

@public
def booking_new(request, hall):
    hall = _hall(hall)
    offerings = list(_offerings(hall))
    form = BookingForm(request.POST or None, hall=hall, offerings=offerings,
                       initial={"day": timezone.localdate() + timedelta(days=1)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        service = next(o.service for o in offerings if o.service.code == data["service"])
        try:
            booking = services.booking_create(
                hall=hall, service=service, day=data["day"], slot=datetime.strptime(data["slot"], "%H:%M").time(),
                name=data["name"], nik=data["nik"], phone=data["phone"], priority=data.get("priority") or "",
                user=request.user)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            return redirect("queues:booking", token=booking.token)
    return render(request, "queues/booking_new.html", {"hall": hall, "form": form})


def _booking(token) -> Booking:
    return get_object_or_404(Booking.objects.select_related("hall__office", "service"), token=token)


@public
def booking_page(request, token):
    booking = _booking(token)
    ticket = Ticket.objects.filter(booking=booking).first()
    return render(request, "queues/booking.html", {
        "booking": booking, "ticket": ticket, "qr": qr_svg_data_uri(booking.token, scale=6)})


@public
@require_POST
def booking_cancel(request, token):
    booking = _booking(token)
    try:
        services.booking_cancel(booking=booking)
        messages.success(request, _("Booking dibatalkan."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("queues:booking", token=booking.token)


# --- display board --------------------------------------------------------------------------------

@public
def board(request, hall):
    hall = _hall(hall)
    return render(request, "queues/board.html", {
        "hall": hall, "state": selectors.board_state(hall),
        "state_url": reverse("queue-board", kwargs={"code": hall.code})})


# --- counter console ------------------------------------------------------------------------------

@allow(console_access)
def console_home(request):
    counters = list(selectors.counters_for(request))
    if len(counters) == 1:
        return redirect("queues:console", pk=counters[0].pk)
    return render(request, "queues/console_home.html", {"counters": counters})


def _counter(request, pk) -> Counter:
    counter = selectors.counters_for(request).filter(pk=pk).first()
    if counter is None:
        raise Http404
    return counter


def _console_context(request, counter):
    current = services.counter_current(counter)
    waiting = list(services.counter_queue(counter, services.local_day()).select_related("service")[:15])
    apply_url = None
    if current is not None:
        apply_url = f"{current.service.apply_path}?tiket={current.public_id}"
    return {
        "counter": counter, "hall": counter.hall, "current": current, "waiting": waiting, "apply_url": apply_url,
        "other_counters": Counter.objects.filter(hall=counter.hall, is_active=True).exclude(pk=counter.pk),
        "offerings": _offerings(counter.hall),
    }


@allow(console_access)
def console(request, pk):
    counter = _counter(request, pk)
    template = "queues/_console_panel.html" if request.headers.get("HX-Request") else "queues/console.html"
    return render(request, template, _console_context(request, counter))


ACTIONS = services.COUNTER_ACTIONS


@allow(console_access)
@require_POST
def console_action(request, pk):
    counter = _counter(request, pk)
    action = request.POST.get("action", "")
    try:
        ticket = services.counter_action(counter=counter, action=action, data=request.POST, actor=request.user,
                                         membership=request.membership)
        if action == "call" and ticket is None:
            messages.info(request, _("Tidak ada antrean yang menunggu."))
        elif ticket is not None:
            messages.success(request, _("%(number)s: %(status)s") % {
                "number": ticket.number, "status": ticket.get_status_display()})
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("queues:console", pk=counter.pk)


# --- analytics ------------------------------------------------------------------------------------

def _analytics_params(request):
    halls = selectors.halls_visible_to(request)
    code = request.GET.get("gedung")
    if code:
        halls = halls.filter(office__code=code)
    today = timezone.localdate()
    try:
        start = datetime.strptime(request.GET.get("dari", ""), "%Y-%m-%d").date()
    except ValueError:
        start = today - timedelta(days=6)
    try:
        end = datetime.strptime(request.GET.get("sampai", ""), "%Y-%m-%d").date()
    except ValueError:
        end = today
    if end < start:
        start, end = end, start
    end = min(end, start + timedelta(days=92))
    by = request.GET.get("per", "service")
    if by not in analytics.DIMENSIONS:
        by = "service"
    return halls, start, end, by


@allow(analytics_access)
def analytics_page(request):
    halls, start, end, by = _analytics_params(request)
    rows = analytics.stats(halls, start, end, by)
    chart = {"labels": [str(r["key"]) for r in rows],
             "avg_wait": [round(r["avg_wait"] or 0, 1) for r in rows],
             "avg_service": [round(r["avg_service"] or 0, 1) for r in rows]}
    return render(request, "queues/analytics.html", {
        "rows": rows, "start": start, "end": end, "by": by, "halls": selectors.halls_visible_to(request),
        "hall_code": request.GET.get("gedung", ""), "busiest": analytics.busiest_hours(halls, start, end),
        "chart": chart, "dimensions": [("service", _("Layanan")), ("counter", _("Loket")), ("hour", _("Jam")),
                                       ("hall", _("Gedung"))]})


@allow(analytics_access)
def analytics_csv(request):
    halls, start, end, by = _analytics_params(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="antrean-{by}-{start}-{end}.csv"'
    writer = csv.writer(response)
    writer.writerow([by, "issued", "served", "no_show", "avg_wait_min", "p90_wait_min", "avg_service_min",
                     "p90_service_min"])

    def fmt(value):
        return "" if value is None else f"{value:.2f}"

    for r in analytics.stats(halls, start, end, by):
        writer.writerow([r["key"], r["issued"], r["served"], r["no_show"], fmt(r["avg_wait"]), fmt(r["p90_wait"]),
                         fmt(r["avg_service"]), fmt(r["p90_service"])])
    return response

