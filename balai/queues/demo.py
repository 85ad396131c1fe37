"""Demo data for the queue: the MPP's hall settings, queue groups, catalogue services with quotas,
and counters. Idempotent (get_or_create everywhere; nothing is updated on a second run)."""

from datetime import time

from balai.accounts.models import Office

from .models import Counter, Hall, HallService, QueueGroup

GROUPS = [
    # prefix, name, agency codes whose counter services go in this group
    ("A", "Kependudukan (Dispendukcapil)", ["dispendukcapil"]),
    ("B", "Perizinan (DPMPTSP)", ["dpmptsp"]),
    ("C", "Kepolisian, imigrasi, pajak, dan lainnya", None),  # everything else
]
COUNTERS = [
    # number, name, agency codes served (None: the services of group C)
    (1, "Loket 1 — Dukcapil", ["dispendukcapil"]),
    (2, "Loket 2 — Dukcapil", ["dispendukcapil"]),
    (3, "Loket 3 — Dukcapil", ["dispendukcapil"]),
    (4, "Loket 4 — Perizinan", ["dpmptsp"]),
    (5, "Loket 5 — Layanan lain", None),
    (6, "Loket 6 — Layanan lain", None),
]
MAX_OTHER_SERVICES = 12


def ensure_hall(office: Office, *, opens_at=time(7, 30), closes_at=time(22, 0), open_days="0123456") -> Hall:
    hall, _created = Hall.objects.get_or_create(
        office=office, defaults={"opens_at": opens_at, "closes_at": closes_at, "open_days": open_days})
    return hall


def demo_step(*, stdout=None, people=None, seed=None) -> str:
    from balai.services.models import Service

    office = Office.objects.filter(code="mpp").first()
    if office is None:
        return "MPP tidak ada; lewati"
    # Demo hours stretch like the annual public-service festival (until 22:00, every day) so the demo can
    # be tried in the evening too; a real hall sets its own hours in the admin.
    hall = ensure_hall(office)
    groups = {prefix: QueueGroup.objects.get_or_create(hall=hall, prefix=prefix, defaults={"name": name})[0]
              for prefix, name, _agencies in GROUPS}
    counter_services = [s for s in Service.objects.active().filter(level=Service.Level.AGENCY)
                        .select_related("agency").order_by("agency__code", "order", "code")
                        if "counter" in (s.channels or [])]
    other = []
    created = 0
    for order, service in enumerate(counter_services):
        prefix = next((p for p, _n, agencies in GROUPS if agencies and service.agency.code in agencies), "C")
        if prefix == "C":
            if len(other) >= MAX_OTHER_SERVICES:
                continue
            other.append(service)
        _offering, made = HallService.objects.get_or_create(
            hall=hall, service=service,
            defaults={"group": groups[prefix], "daily_quota": 150 if prefix == "A" else 60, "slot_quota": 4,
                      "order": order})
        created += made
    for number, name, agencies in COUNTERS:
        counter, made = Counter.objects.get_or_create(hall=hall, number=number, defaults={"name": name})
        if made:
            created += 1
            if agencies:
                counter.agencies.set(Office.objects.filter(code__in=agencies))
            else:
                counter.services.set(other)
    return f"{hall.name}: {len(groups)} kelompok, {hall.offerings.count()} layanan, {hall.counters.count()} loket ({created} baru)"
