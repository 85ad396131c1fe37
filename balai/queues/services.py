"""Every write of the queue: issuing numbers, bookings, check-in and the counter actions.

Numbering: ticket numbers are the gap-free sequence of ``core.sequences`` with key
``ticket:<queue group id>`` and period the local day (``2026-12-08``); the counter row stays locked
until the issuing transaction ends, so numbers are unique and gap-free under concurrency (a failed
issue rolls back its increment). The local day is Asia/Jakarta's (``TIME_ZONE``), so numbers
restart at local midnight.

Calling: the next waiting ticket a counter may serve is picked priority first, then FIFO. On
PostgreSQL the candidate row is locked with ``FOR UPDATE SKIP LOCKED`` so two counters calling at
once take different tickets; on every database the status change is the workflow engine's
compare-and-set UPDATE (``… WHERE status = 'waiting'``), so a ticket can only be claimed once (SQLite
serialises writes).

The ticket's life cycle (call, recall, start, finish, no-show, transfer) is declared in
``workflows.py``; each counter action here is one engine transition (one compare-and-set write plus a
``TicketEvent`` row).
"""

from __future__ import annotations

import logging
import math
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts import permissions as perms
from balai.core import workflow as engine
from balai.core.sequences import sequence_next
from balai.services.models import Service

from .models import (
    Booking,
    Counter,
    Hall,
    HallService,
    Priority,
    QueueGroup,
    Ticket,
    TicketEvent,
    TicketNotification,
)
from .permissions import console_access
from .workflows import CALL, FINISH, MISSED, RECALL, START, TICKET_WORKFLOW, TRANSFER

logger = logging.getLogger("balai.queues")

DEFAULT_SERVICE_MINUTES = 5.0
NOTIFY_AHEAD = 3
NOTICE_ATTEMPTS = 2  # a "three ahead" notice is useless once the visitor is called: one retry only


def local_day(now: datetime | None = None) -> date:
    return timezone.localdate(now or timezone.now())


def format_number(prefix: str, seq: int) -> str:
    return f"{prefix}-{seq:03d}"


def _offering(hall: Hall, service) -> HallService:
    offering = HallService.objects.filter(hall=hall, service=service, is_active=True).select_related("group").first()
    if offering is None:
        raise ValidationError(_("Layanan ini tidak dilayani di %(hall)s.") % {"hall": hall.name})
    return offering


def _check_priority(priority: str) -> str:
    priority = priority or ""
    if priority not in Priority.values:
        raise ValidationError(_("Jenis prioritas tidak dikenal."))
    return priority


def _event(ticket, kind, *, at, counter=None, actor=None, note=""):
    return TicketEvent.objects.create(ticket=ticket, hall_id=ticket.hall_id, kind=kind, at=at, counter=counter,
                                      actor=actor if getattr(actor, "is_authenticated", False) else None,
                                      note=note[:200])


def _next_seq(group: QueueGroup, day: date) -> int:
    """Take the next number of a group on a day; must run inside a transaction."""
    return sequence_next(key=ticket_sequence_key(group.pk), period=day.isoformat())


def ticket_sequence_key(group_id: int) -> str:
    return f"ticket:{group_id}"


def _create_ticket(*, hall, offering, priority, source, booking, now) -> Ticket:
    day = local_day(now)
    seq = _next_seq(offering.group, day)
    ticket = Ticket.objects.create(
        hall=hall, group=offering.group, service=offering.service, day=day, seq=seq,
        number=format_number(offering.group.prefix, seq), priority=priority, rank=0 if priority else 1,
        source=source, booking=booking, arrived_at=now, queued_at=now)
    _event(ticket, TicketEvent.Kind.CHECKED_IN if booking else TicketEvent.Kind.ISSUED, at=now)
    return ticket


def ticket_issue(*, hall: Hall, service, priority: str = "", source: str = Ticket.Source.KIOSK,
                 now: datetime | None = None) -> Ticket:
    """Hand out the next number for a walk-in visitor, within the hall's hours and the daily quota."""
    now = now or timezone.now()
    priority = _check_priority(priority)
    if not hall.is_open_at(now):
        raise ValidationError(_("%(hall)s sedang tutup. Jam layanan %(open)s–%(close)s (%(days)s).") % {
            "hall": hall.name, "open": f"{hall.opens_at:%H:%M}", "close": f"{hall.closes_at:%H:%M}",
            "days": hall.open_day_names()})
    offering = _offering(hall, service)
    day = local_day(now)
    with transaction.atomic():
        # Lock the offering: quota counting and issuing for this service are serialised.
        HallService.objects.select_for_update().filter(pk=offering.pk).first()
        taken = Ticket.objects.filter(hall=hall, service=service, day=day).count()
        reserved = Booking.objects.filter(hall=hall, service=service, day=day, status=Booking.Status.ACTIVE).count()
        if taken + reserved >= offering.daily_quota:
            raise ValidationError(_("Kuota hari ini untuk layanan ini sudah habis. Silakan booking untuk hari lain."))
        return _create_ticket(hall=hall, offering=offering, priority=priority, source=source, booking=None, now=now)


# --- bookings -----------------------------------------------------------------------------------

def _digits(value: str) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit())


def age_from_nik(nik: str, on: date) -> int | None:
    """Age on a date from the birth date inside a NIK (digits 7–12: DDMMYY, day + 40 for women)."""
    if len(nik) != 16 or not nik.isdigit():
        return None
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    year += 2000 if 2000 + year <= on.year else 1900
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def booking_create(*, hall: Hall, service, day: date, slot: time, name: str, nik: str = "", phone: str = "",
                   priority: str = "", user=None, now: datetime | None = None) -> Booking:
    """Book a date and time slot: within the quota, one active booking per person per service per day."""
    now = now or timezone.now()
    priority = _check_priority(priority)
    nik, phone, name = _digits(nik), _digits(phone), (name or "").strip()
    if not name:
        raise ValidationError(_("Nama wajib diisi."))
    if nik and len(nik) != 16:
        raise ValidationError(_("NIK harus 16 angka."))
    if not nik and not phone:
        raise ValidationError(_("Isi NIK atau nomor HP."))
    if phone and not 9 <= len(phone) <= 15:
        raise ValidationError(_("Nomor HP tidak valid."))
    today = local_day(now)
    if day < today or day > today + timedelta(days=hall.booking_days_ahead):
        raise ValidationError(_("Tanggal booking harus antara hari ini dan %(days)s hari ke depan.") % {
            "days": hall.booking_days_ahead})
    if not hall.is_open_day(day):
        raise ValidationError(_("%(hall)s tidak buka pada tanggal itu.") % {"hall": hall.name})
    if slot not in hall.slots():
        raise ValidationError(_("Jam yang dipilih bukan slot layanan."))
    slot_start = timezone.make_aware(datetime.combine(day, slot))
    if slot_start + timedelta(minutes=hall.slot_minutes) <= now:
        raise ValidationError(_("Slot itu sudah lewat."))
    offering = _offering(hall, service)
    if not priority and (age_from_nik(nik, day) or 0) >= 60:
        priority = Priority.ELDERLY  # the NIK shows a visitor of 60 or more on the booked day
    person_key = nik or phone
    with transaction.atomic():
        HallService.objects.select_for_update().filter(pk=offering.pk).first()
        if Booking.objects.filter(service=service, day=day, person_key=person_key).exclude(
                status=Booking.Status.CANCELLED).exists():
            raise ValidationError(_("Anda sudah punya booking aktif untuk layanan ini pada tanggal itu."))
        active = Booking.objects.filter(hall=hall, service=service, day=day, status=Booking.Status.ACTIVE)
        if active.filter(slot=slot).count() >= offering.slot_quota:
            raise ValidationError(_("Slot %(slot)s sudah penuh. Pilih jam lain.") % {"slot": f"{slot:%H:%M}"})
        taken = Ticket.objects.filter(hall=hall, service=service, day=day).count()
        if taken + active.count() >= offering.daily_quota:
            raise ValidationError(_("Kuota tanggal itu untuk layanan ini sudah habis."))
        return Booking.objects.create(hall=hall, service=service, day=day, slot=slot, name=name[:120], nik=nik,
                                      phone=phone, person_key=person_key, priority=priority,
                                      user=user if getattr(user, "is_authenticated", False) else None)


def booking_cancel(*, booking: Booking) -> Booking:
    if booking.status != Booking.Status.ACTIVE:
        raise ValidationError(_("Booking ini tidak bisa dibatalkan lagi."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    return booking


def booking_check_in(*, token: str, hall: Hall | None = None, now: datetime | None = None) -> Ticket:
    """Turn a booking into a queue number on its day (kiosk or counter scans the QR token)."""
    now = now or timezone.now()
    token = (token or "").strip()
    # A scanner may deliver the whole check-in URL; the token is its last path part.
    token = token.rstrip("/").rsplit("/", 1)[-1]
    with transaction.atomic():
        booking = Booking.objects.select_for_update().filter(token=token).select_related("hall", "service").first()
        if booking is None:
            raise ValidationError(_("Kode booking tidak dikenal."))
        if hall is not None and booking.hall_id != hall.pk:
            raise ValidationError(_("Booking ini untuk %(hall)s.") % {"hall": booking.hall.name})
        if booking.status == Booking.Status.CHECKED_IN:
            return booking.ticket
        if booking.status != Booking.Status.ACTIVE:
            raise ValidationError(_("Booking ini sudah dibatalkan."))
        if booking.day != local_day(now):
            raise ValidationError(_("Booking ini untuk tanggal %(day)s.") % {"day": booking.day.strftime("%d-%m-%Y")})
        offering = _offering(booking.hall, booking.service)
        ticket = _create_ticket(hall=booking.hall, offering=offering, priority=booking.priority,
                                source=Ticket.Source.ONLINE, booking=booking, now=now)
        booking.status = Booking.Status.CHECKED_IN
        booking.save(update_fields=["status"])
        return ticket


# --- counter actions ----------------------------------------------------------------------------

def counter_queue(counter: Counter, day: date):
    """Waiting tickets this counter may call, in calling order (priority, then FIFO)."""
    service_ids = list(counter.services.values_list("pk", flat=True))
    agency_ids = list(counter.agencies.values_list("pk", flat=True))
    serves = Q(service_id__in=service_ids) | Q(service__agency_id__in=agency_ids)
    return (Ticket.objects.filter(hall_id=counter.hall_id, day=day, status=Ticket.Status.WAITING)
            .filter(Q(target_counter=counter) | (Q(target_counter__isnull=True) & serves))
            .order_by("rank", "queued_at", "pk"))


def counter_current(counter: Counter) -> Ticket | None:
    return (Ticket.objects.filter(counter=counter, status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING])
            .select_related("service", "booking").order_by("-called_at").first())


def counter_call_next(*, counter: Counter, actor=None, now: datetime | None = None) -> Ticket | None:
    """Call the next ticket for this counter; None when nobody is waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        Counter.objects.select_for_update().filter(pk=counter.pk).first()  # one call at a time per counter
        current = counter_current(counter)
        if current is not None:
            raise ValidationError(_("Selesaikan atau tandai tidak hadir nomor %(number)s dulu.") % {
                "number": current.number})
        queue = counter_queue(counter, local_day(now))
        for _attempt in range(10):
            if connection.vendor == "postgresql":
                candidate = queue.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True).first()
            else:
                candidate = queue.values_list("pk", flat=True).first()
            if candidate is None:
                return None
            # The candidate comes from this counter's own queue, so the who-acts check is done; the
            # engine's compare-and-set (… WHERE status = 'waiting') lets only one counter claim it.
            claim = Ticket(pk=candidate, hall_id=counter.hall_id, status=Ticket.Status.WAITING)
            try:
                engine.transition(TICKET_WORKFLOW, claim, CALL, who={"counter": counter, "user": actor}, check=False,
                                  at=now, updates={"counter": counter, "called_at": now, "call_count": 1,
                                                   "target_counter": None})
            except engine.TransitionRefused:
                continue  # another counter claimed it first
            ticket = Ticket.objects.select_related("service", "group").get(pk=candidate)
            _notify_three_ahead(ticket, now=now)
            return ticket
        return None


def _move(ticket: Ticket, action: str, *, counter: Counter, actor, now, updates=None, note="") -> Ticket:
    """One step of the ticket's workflow by the counter holding it: the engine checks the counter and the
    status, writes the status (and ``updates``) with one compare-and-set UPDATE and the event row."""
    ticket = Ticket.objects.get(pk=ticket.pk)  # the status now; the compare-and-set guards the write
    engine.transition(TICKET_WORKFLOW, ticket, action, who={"counter": counter, "user": actor}, note=note,
                      updates=updates, at=now)
    return ticket


def ticket_recall(*, ticket: Ticket, counter: Counter, actor=None, now=None) -> Ticket:
    return _move(ticket, RECALL, counter=counter, actor=actor, now=now or timezone.now(),
                 updates={"call_count": F("call_count") + 1})


def ticket_no_show(*, ticket: Ticket, counter: Counter, actor=None, now=None) -> Ticket:
    now = now or timezone.now()
    return _move(ticket, MISSED, counter=counter, actor=actor, now=now, updates={"finished_at": now})


def ticket_start(*, ticket: Ticket, counter: Counter, actor=None, now=None) -> Ticket:
    now = now or timezone.now()
    return _move(ticket, START, counter=counter, actor=actor, now=now, updates={"started_at": now})


def ticket_finish(*, ticket: Ticket, counter: Counter, actor=None, now=None) -> Ticket:
    now = now or timezone.now()
    return _move(ticket, FINISH, counter=counter, actor=actor, now=now, updates={"finished_at": now})


def ticket_transfer(*, ticket: Ticket, counter: Counter, to_counter: Counter | None = None, to_service=None,
                    actor=None, now=None) -> Ticket:
    """Send a called or served visitor to another counter or service; they wait again, keeping their
    number and their place by arrival (the transfer time)."""
    now = now or timezone.now()
    if (to_counter is None) == (to_service is None):
        raise ValidationError(_("Pilih loket tujuan atau layanan tujuan."))
    with transaction.atomic():
        fresh = Ticket.objects.select_related("hall").get(pk=ticket.pk)
        engine.check_transition(TICKET_WORKFLOW, fresh, TRANSFER, who={"counter": counter, "user": actor})
        updates = {"counter": None, "target_counter": to_counter, "queued_at": now, "called_at": None,
                   "started_at": None, "call_count": 0}
        if to_counter is not None:
            if to_counter.hall_id != fresh.hall_id or to_counter.pk == counter.pk:
                raise ValidationError(_("Loket tujuan harus loket lain di gedung yang sama."))
            note = to_counter.label
        else:
            _offering(fresh.hall, to_service)
            updates["service"] = to_service
            note = to_service.name
        return _move(fresh, TRANSFER, counter=counter, actor=actor, now=now, updates=updates, note=note)


# --- position, estimates and the three-ahead notice ----------------------------------------------

def _peers(ticket: Ticket):
    """Waiting tickets competing with this one (same service, or the same target counter)."""
    peers = Ticket.objects.filter(hall_id=ticket.hall_id, day=ticket.day, status=Ticket.Status.WAITING)
    if ticket.target_counter_id:
        return peers.filter(target_counter_id=ticket.target_counter_id)
    return peers.filter(service_id=ticket.service_id, target_counter__isnull=True)


def ticket_ahead(ticket: Ticket) -> int:
    if ticket.status != Ticket.Status.WAITING:
        return 0
    before = Q(rank__lt=ticket.rank) | Q(rank=ticket.rank, queued_at__lt=ticket.queued_at) | Q(
        rank=ticket.rank, queued_at=ticket.queued_at, pk__lt=ticket.pk)
    return _peers(ticket).filter(before).count()


def average_service_minutes(hall_id: int, service_id: int, sample: int = 20) -> float:
    """Mean service time of the last finished tickets of this service in this hall."""
    rows = (Ticket.objects.filter(hall_id=hall_id, service_id=service_id, status=Ticket.Status.DONE,
                                  started_at__isnull=False)
            .order_by("-finished_at").values_list("started_at", "finished_at")[:sample])
    durations = [(end - start).total_seconds() / 60 for start, end in rows]
    return sum(durations) / len(durations) if durations else DEFAULT_SERVICE_MINUTES


def serving_counters(ticket: Ticket) -> int:
    if ticket.target_counter_id:
        return 1
    return Counter.objects.filter(hall_id=ticket.hall_id, is_active=True).filter(
        Q(services=ticket.service_id) | Q(agencies=ticket.service.agency_id)).distinct().count() or 1


def ticket_estimate(ticket: Ticket) -> dict:
    ahead = ticket_ahead(ticket)
    minutes = 0
    if ticket.status == Ticket.Status.WAITING:
        per_visitor = average_service_minutes(ticket.hall_id, ticket.service_id)
        minutes = math.ceil((ahead + 1) * per_visitor / serving_counters(ticket)) if ahead else math.ceil(
            per_visitor / serving_counters(ticket))
    return {"ahead": ahead, "wait_minutes": minutes}


def _notify_three_ahead(called: Ticket, *, now):
    """After a call, tell the visitor who now has three numbers ahead (once per ticket)."""
    peers = list(_peers(called).filter(target_counter__isnull=True).order_by("rank", "queued_at", "pk")
                 .values_list("pk", flat=True)[: NOTIFY_AHEAD + 1])
    for pk in peers[NOTIFY_AHEAD:]:
        if Ticket.objects.filter(pk=pk, notified_at__isnull=True).update(notified_at=now):
            ticket_notify(ticket=Ticket.objects.select_related("booking", "hall__office").get(pk=pk))


def ticket_notify(*, ticket: Ticket, kind: str = "three_ahead") -> TicketNotification:
    """Record the notice and, when the booking left a mobile number, put a WhatsApp message in the
    outbox: it is sent by a background task after the caller's transaction commits (never here, where
    counter_call_next still holds its locks)."""
    from balai.core.notify import normalise_phone
    from balai.core.outbox import outbox_enqueue

    message = _("Nomor antrean %(number)s: tinggal %(ahead)s nomor lagi di depan Anda di %(hall)s. "
                "Mohon bersiap.") % {"number": ticket.number, "ahead": NOTIFY_AHEAD, "hall": ticket.hall.name}
    channel_name = "log"
    to = normalise_phone(ticket.booking.phone) if ticket.booking_id else ""
    if to:
        channel_name = "whatsapp"
        outbox_enqueue(transport=channel_name, to=to, subject=_("Antrean"), body=message,
                       about=f"ticket:{ticket.pk}", kind=kind, max_attempts=NOTICE_ATTEMPTS)
    else:
        logger.info("queue notice %s: %s", ticket.public_id[:6], message)
    return TicketNotification.objects.create(ticket=ticket, kind=kind, channel=channel_name, message=message)


# --- the counter console's actions (views and API call this one entry) -----------------------------

COUNTER_ACTIONS = ("call", "recall", "no_show", "start", "finish", "transfer", "checkin")


def check_counter_officer(*, actor=None, membership, counter: Counter) -> None:
    """Refuse (``PermissionDenied``) unless ``membership`` is a counter officer of the hall that owns
    ``counter`` (acting as ``actor`` when one is named)."""
    allowed = (perms.holds(console_access, membership) and membership.office_id == counter.hall.office_id
               and (actor is None or membership.user_id == actor.pk))
    if not allowed:
        raise PermissionDenied(_("Anda tidak bertugas di loket ini; hanya petugas loket gedung ini yang dapat "
                                 "melayani antreannya."))


def counter_action(*, counter: Counter, action: str, data, actor, membership) -> Ticket | None:
    """One action at a counter, checked: call (the next number), checkin (a booking), and on the number
    being served recall, no_show, start, finish, transfer (``data``: to_counter or to_service, token).
    Returns the ticket acted on, or None when ``call`` finds nobody waiting."""
    check_counter_officer(actor=actor, membership=membership, counter=counter)
    if action == "call":
        return counter_call_next(counter=counter, actor=actor)
    if action == "checkin":
        return booking_check_in(token=data.get("token", ""), hall=counter.hall)
    ticket = counter_current(counter)
    if ticket is None:
        raise ValidationError(_("Tidak ada nomor yang sedang ditangani loket ini."))
    if action == "recall":
        return ticket_recall(ticket=ticket, counter=counter, actor=actor)
    if action == "no_show":
        return ticket_no_show(ticket=ticket, counter=counter, actor=actor)
    if action == "start":
        return ticket_start(ticket=ticket, counter=counter, actor=actor)
    if action == "finish":
        return ticket_finish(ticket=ticket, counter=counter, actor=actor)
    if action == "transfer":
        to_counter = to_service = None
        if data.get("to_counter"):
            to_counter = Counter.objects.filter(hall=counter.hall, pk=data["to_counter"]).first()
            if to_counter is None:
                raise ValidationError(_("Loket tujuan tidak ditemukan."))
        elif data.get("to_service"):
            to_service = Service.objects.filter(code=data["to_service"]).first()
            if to_service is None:
                raise ValidationError(_("Layanan tujuan tidak ditemukan."))
        return ticket_transfer(ticket=ticket, counter=counter, to_counter=to_counter,
                               to_service=to_service, actor=actor)
    raise ValidationError(_("Aksi tidak dikenal."))
