"""Reads of the queue: halls a member may manage, the board state, counters of a hall."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from balai.accounts import permissions as perms

from .models import Counter, Hall, Ticket, TicketEvent
from .services import local_day

LAST_CALLS = 8


def halls_visible_to(request):
    """Halls whose analytics a member may read: a hall's own staff its hall, regency offices all halls."""
    membership = getattr(request, "membership", None)
    halls = Hall.objects.select_related("office").order_by("office__name")
    if membership is None:
        return halls.none()
    if membership.office.kind == "hall":
        return halls.filter(office=membership.office)
    scope = membership.office.region_id
    return halls.filter(Q(office__region_id=scope) | Q(office__region__code__startswith=scope + "."))


def counters_for(request):
    """Counters the current counter officer may work at (the counters of their hall)."""
    membership = getattr(request, "membership", None)
    if membership is None or not perms.counter_officer(request) or membership.office.kind != "hall":
        return Counter.objects.none()
    return Counter.objects.filter(hall__office=membership.office, is_active=True).select_related("hall__office")


def board_state(hall: Hall, now=None) -> dict:
    """What the display board shows: each counter's current number, the last calls, waiting counts.

    Four small indexed queries whatever the day's volume (counters, current tickets, last call events,
    waiting counts per group)."""
    now = now or timezone.now()
    day = local_day(now)
    counters = list(Counter.objects.filter(hall=hall, is_active=True).order_by("number").values("pk", "number", "name"))
    current = {}
    for row in (Ticket.objects.filter(hall=hall, day=day, status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING])
                .order_by("called_at").values("counter_id", "number", "status")):
        current[row["counter_id"]] = row
    calls = list(
        TicketEvent.objects.filter(hall=hall, kind__in=[TicketEvent.Kind.CALLED, TicketEvent.Kind.RECALLED],
                                   at__gte=timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time())))
        .order_by("-pk").values("pk", "kind", "at", "ticket__number", "counter__number", "counter__name")[:LAST_CALLS])
    waiting = {row["group__prefix"]: row["n"] for row in
               Ticket.objects.filter(hall=hall, day=day, status=Ticket.Status.WAITING)
               .values("group__prefix").annotate(n=Count("pk")).order_by("group__prefix")}
    served = Ticket.objects.filter(hall=hall, day=day).aggregate(
        done=Count("pk", filter=Q(status=Ticket.Status.DONE)))["done"]
    local_now = timezone.localtime(now)
    return {
        "hall": {"code": hall.code, "name": hall.name},
        "time": local_now.strftime("%H:%M:%S"),
        "date": local_now.date().isoformat(),
        "counters": [
            {"number": c["number"], "label": c["name"] or f"Loket {c['number']}",
             "ticket": current.get(c["pk"], {}).get("number"), "status": current.get(c["pk"], {}).get("status")}
            for c in counters
        ],
        "calls": [
            {"id": e["pk"], "number": e["ticket__number"], "counter": e["counter__number"],
             "counter_label": e["counter__name"] or f"Loket {e['counter__number']}",
             "recall": e["kind"] == TicketEvent.Kind.RECALLED, "at": timezone.localtime(e["at"]).strftime("%H:%M:%S")}
            for e in calls
        ],
        "waiting": waiting,
        "served_today": served,
    }
