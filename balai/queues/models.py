"""The service-hall queue (antrean): halls, queue groups, counters, tickets, bookings and events.

Modelled on NovoSGA: a hall (branch) offers services, each in a queue group with a letter prefix;
counters (loket) serve a set of services or agencies; a ticket carries arrival, call, start and end
timestamps (copied from its event rows in the same transaction) from which wait and service times
are derived. All state lives in the database, so a restart loses nothing.
"""

import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import Office

WEEKDAY_NAMES = [_("Senin"), _("Selasa"), _("Rabu"), _("Kamis"), _("Jumat"), _("Sabtu"), _("Minggu")]


def new_token() -> str:
    return secrets.token_urlsafe(12)


class Hall(models.Model):
    """A service hall: the MPP, a satellite hall in a market, or a village office with a queue."""

    office = models.OneToOneField(Office, on_delete=models.PROTECT, related_name="queue_hall",
                                  limit_choices_to={"kind": Office.Kind.HALL}, verbose_name=_("kantor"))
    opens_at = models.TimeField(_("jam buka"), default=time(8, 0))
    closes_at = models.TimeField(_("jam tutup"), default=time(15, 0))
    open_days = models.CharField(
        _("hari buka"), max_length=7, default="012345",
        help_text=_("Angka hari: 0 = Senin … 6 = Minggu, mis. 012345 untuk Senin–Sabtu."))
    slot_minutes = models.PositiveSmallIntegerField(_("panjang slot booking (menit)"), default=30)
    booking_days_ahead = models.PositiveSmallIntegerField(_("booking paling jauh (hari)"), default=14)

    class Meta:
        verbose_name = _("gedung layanan")
        verbose_name_plural = _("gedung layanan")

    def __str__(self):
        return self.office.name

    @property
    def code(self) -> str:
        return self.office.code

    @property
    def name(self) -> str:
        return self.office.name

    def is_open_day(self, day) -> bool:
        return str(day.weekday()) in self.open_days

    def is_open_at(self, moment: datetime) -> bool:
        local = timezone.localtime(moment)
        return self.is_open_day(local.date()) and self.opens_at <= local.time() < self.closes_at

    def open_day_names(self) -> str:
        return ", ".join(str(WEEKDAY_NAMES[int(d)]) for d in sorted(set(self.open_days)) if d.isdigit() and int(d) < 7)

    def slots(self) -> list[time]:
        """Start times of the booking slots of one day."""
        result, step = [], timedelta(minutes=max(self.slot_minutes, 5))
        cursor = datetime.combine(datetime(2000, 1, 1).date(), self.opens_at)
        end = datetime.combine(cursor.date(), self.closes_at)
        while cursor + step <= end:
            result.append(cursor.time())
            cursor += step
        return result


class QueueGroup(models.Model):
    """A numbering line of a hall, with a letter prefix: A-001, A-002 … reset every local day."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="groups")
    prefix = models.CharField(_("huruf awalan"), max_length=2)
    name = models.CharField(_("nama kelompok"), max_length=80)

    class Meta:
        ordering = ["hall", "prefix"]
        verbose_name = _("kelompok antrean")
        verbose_name_plural = _("kelompok antrean")
        constraints = [models.UniqueConstraint(fields=["hall", "prefix"], name="queue_group_prefix_unique")]

    def __str__(self):
        return f"{self.prefix} — {self.name}"


class HallService(models.Model):
    """A catalogue service offered in a hall: its queue group and its daily quota."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="offerings")
    service = models.ForeignKey("services.Service", on_delete=models.CASCADE, related_name="queue_offerings")
    group = models.ForeignKey(QueueGroup, on_delete=models.PROTECT, related_name="offerings")
    daily_quota = models.PositiveIntegerField(_("kuota per hari"), default=100,
                                              help_text=_("Jumlah nomor (termasuk booking) per hari."))
    slot_quota = models.PositiveIntegerField(_("kuota booking per slot"), default=5)
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["hall", "group__prefix", "order", "service__name"]
        verbose_name = _("layanan di gedung")
        verbose_name_plural = _("layanan di gedung")
        constraints = [models.UniqueConstraint(fields=["hall", "service"], name="hall_service_unique")]

    def __str__(self):
        return f"{self.service} @ {self.hall}"


class Counter(models.Model):
    """A loket: serves the listed services and every service of the listed agencies."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="counters")
    number = models.PositiveSmallIntegerField(_("nomor loket"))
    name = models.CharField(_("nama"), max_length=80, blank=True)
    services = models.ManyToManyField("services.Service", blank=True, related_name="queue_counters",
                                      verbose_name=_("layanan"))
    agencies = models.ManyToManyField(Office, blank=True, related_name="queue_counters",
                                      verbose_name=_("instansi"))
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["hall", "number"]
        verbose_name = _("loket")
        verbose_name_plural = _("loket")
        constraints = [models.UniqueConstraint(fields=["hall", "number"], name="counter_number_unique")]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.name or f"Loket {self.number}"


class Priority(models.TextChoices):
    NONE = "", _("Umum")
    ELDERLY = "elderly", _("Lansia (60+)")
    DISABILITY = "disability", _("Penyandang disabilitas")
    PREGNANT = "pregnant", _("Ibu hamil")


class Booking(models.Model):
    """An online appointment: a date and time slot for one service, checked in by its QR token."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktif")
        CHECKED_IN = "checked_in", _("Sudah check-in")
        CANCELLED = "cancelled", _("Dibatalkan")

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    hall = models.ForeignKey(Hall, on_delete=models.PROTECT, related_name="bookings")
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="queue_bookings")
    day = models.DateField(_("tanggal"))
    slot = models.TimeField(_("jam"))
    name = models.CharField(_("nama"), max_length=120)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    phone = models.CharField(_("nomor HP"), max_length=20, blank=True)
    person_key = models.CharField(max_length=24, editable=False,
                                  help_text="NIK, or the phone number when no NIK is given: one booking per key.")
    priority = models.CharField(_("prioritas"), max_length=12, choices=Priority.choices, blank=True, default="")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="queue_bookings")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "slot"]
        verbose_name = _("booking antrean")
        verbose_name_plural = _("booking antrean")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "day", "person_key"], condition=~models.Q(status="cancelled"),
                name="one_active_booking_per_person_service_day"),
        ]
        indexes = [models.Index(fields=["hall", "service", "day", "slot", "status"], name="booking_quota_idx")]

    def __str__(self):
        return f"{self.service} {self.day} {self.slot:%H:%M}"

    @property
    def masked_nik(self) -> str:
        return self.nik[:6] + "******" + self.nik[-4:] if len(self.nik) == 16 else ""


class Ticket(models.Model):
    """One queue number of one day."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Menunggu")
        CALLED = "called", _("Dipanggil")
        SERVING = "serving", _("Sedang dilayani")
        DONE = "done", _("Selesai")
        NO_SHOW = "no_show", _("Tidak hadir")

    class Source(models.TextChoices):
        KIOSK = "kiosk", _("Mesin antrean")
        ONLINE = "online", _("Booking online")
        API = "api", _("API")

    public_id = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    hall = models.ForeignKey(Hall, on_delete=models.PROTECT, related_name="tickets")
    group = models.ForeignKey(QueueGroup, on_delete=models.PROTECT, related_name="tickets")
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="queue_tickets")
    day = models.DateField(_("tanggal"))
    seq = models.PositiveIntegerField()
    number = models.CharField(_("nomor"), max_length=12)
    priority = models.CharField(_("prioritas"), max_length=12, choices=Priority.choices, blank=True, default="")
    rank = models.PositiveSmallIntegerField(default=1, help_text="0 for priority visitors, 1 otherwise: called first.")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.KIOSK)
    booking = models.OneToOneField(Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="ticket")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    counter = models.ForeignKey(Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets",
                                verbose_name=_("loket"))
    target_counter = models.ForeignKey(Counter, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="transferred_tickets",
                                       help_text="Set by a transfer to one counter: only that counter calls it.")
    arrived_at = models.DateTimeField(_("datang"))
    queued_at = models.DateTimeField(help_text="Position in the FIFO: arrival, or the time of a transfer.")
    called_at = models.DateTimeField(_("dipanggil"), null=True, blank=True)
    started_at = models.DateTimeField(_("mulai dilayani"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    call_count = models.PositiveSmallIntegerField(default=0)
    notified_at = models.DateTimeField(null=True, blank=True)
    surveyed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["day", "group", "seq"]
        verbose_name = _("tiket antrean")
        verbose_name_plural = _("tiket antrean")
        constraints = [models.UniqueConstraint(fields=["group", "day", "seq"], name="ticket_number_unique")]
        indexes = [
            # call-next, positions and board: today's tickets of a hall by status, in FIFO order
            models.Index(fields=["hall", "day", "status", "rank", "queued_at"], name="ticket_queue_idx"),
            # analytics over a date range
            models.Index(fields=["hall", "arrived_at"], name="ticket_arrival_idx"),
        ]

    def __str__(self):
        return self.number

    @property
    def is_priority(self) -> bool:
        return bool(self.priority)

    @property
    def spoken_number(self) -> str:
        return self.number


class TicketEvent(models.Model):
    """Every action on a ticket, with its timestamp (the source of the analytics)."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("Nomor diambil")
        CHECKED_IN = "checked_in", _("Check-in booking")
        CALLED = "called", _("Dipanggil")
        RECALLED = "recalled", _("Dipanggil ulang")
        NO_SHOW = "no_show", _("Tidak hadir")
        TRANSFERRED = "transferred", _("Dialihkan")
        STARTED = "started", _("Mulai dilayani")
        FINISHED = "finished", _("Selesai")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    counter = models.ForeignKey(Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["hall", "kind", "at"], name="ticket_event_kind_idx"),
            # The board's version: the newest event of a hall.
            models.Index(fields=["hall", "-id"], name="ticket_event_latest_idx"),
            # The board's "last calls": newest call events of a hall, read backwards and stopped at 8.
            models.Index(fields=["hall", "-at"], condition=models.Q(kind__in=["called", "recalled"]),
                         name="ticket_event_calls_idx"),
        ]

    def __str__(self):
        return f"{self.ticket} {self.kind} {self.at:%H:%M:%S}"


class TicketNotification(models.Model):
    """A notice sent (or logged) to the visitor, e.g. when three numbers are ahead."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, default="three_ahead")
    channel = models.CharField(max_length=20, default="log")
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.kind} → {self.channel}"
