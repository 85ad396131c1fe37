"""Reads of the queue: halls a member may manage, the board state, counters of a hall."""

from __future__ import annotations

from datetime import datetime

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from balai.accounts import permissions as perms

from .models import Counter, Hall, Ticket, TicketEvent

LAST_CALLS = 8


def halls_visible_to(request):
    """Halls whose analytics a member may read: a hall's own staff its hall, regency offices all halls."""
    membership = getattr(request, "membership", None)
    halls = Hall.objects.select_related("office").order_by("office__name")
    if membership is None:
        return halls.none()
    if membership.office.kind == "hall":
        return halls.filter(office=membership.office)
    return halls.filter(membership.scope.q("office__region_id"))


def counters_for(request):
    """Counters the current counter officer may work at (the counters of their hall)."""
    membership = getattr(request, "membership", None)
    if membership is None or not perms.counter_officer(request) or membership.office.kind != "hall":
        return Counter.objects.none()
    return Counter.objects.filter(hall__office=membership.office, is_active=True).select_related("hall__office")


BOARD_CACHE_SECONDS = 60


def board_state(hall: Hall, now=None) -> dict:
    """What the display board shows: each counter's current number, the last calls, waiting counts."""
    return board_state_by_code(hall.code, now) or {}


def board_state_by_code(code: str, now=None) -> dict | None:
    """The board state of the hall with this office code, or None when there is no such hall.

    Every change of the queue writes a TicketEvent, so the hall's newest event (one index lookup,
    the only query while nothing changes) versions the state: it is computed once per version and
    kept in the cache (Redis when configured) — never stale, because a new event makes a new key.
    Computing it takes a handful of index-bounded queries whatever the day's volume."""
    now = now or timezone.now()
    local_now = timezone.localtime(now)
    day = local_now.date()
    last = (TicketEvent.objects.filter(hall__office__code=code).order_by("-pk")
            .values_list("pk", "at", "hall_id").first())
    key = f"queues:board:{code}:{day}:{last[0] if last else 0}:{last[1].timestamp() if last else 0}"
    state = cache.get(key) if last else None
    if state is None:
        hall = Hall.objects.select_related("office").filter(office__code=code).first()
        if hall is None:
            return None
        state = {"hall": {"code": hall.code, "name": hall.name}, **_board_state(hall, day)}
        cache.set(key, state, BOARD_CACHE_SECONDS)
    return {**state, "time": local_now.strftime("%H:%M:%S"), "date": day.isoformat()}


def _board_state(hall: Hall, day) -> dict:
    counters = list(Counter.objects.filter(hall=hall, is_active=True).order_by("number").values("pk", "number", "name"))
    current = {row["counter_id"]: row for row in
               Ticket.objects.filter(hall=hall, day=day, status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING])
               .order_by("called_at").values("counter_id", "number", "status")}
    midnight = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    calls = list(
        TicketEvent.objects.filter(hall=hall, kind__in=[TicketEvent.Kind.CALLED, TicketEvent.Kind.RECALLED],
                                   at__gte=midnight)
        .order_by("-at", "-pk").values("pk", "kind", "at", "ticket__number", "counter__number", "counter__name")[:LAST_CALLS])
    waiting = {row["group__prefix"]: row["n"] for row in
               Ticket.objects.filter(hall=hall, day=day, status=Ticket.Status.WAITING)
               .values("group__prefix").annotate(n=Count("pk")).order_by("group__prefix")}
    return {
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
    }
