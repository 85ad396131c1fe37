"""Display-board speed: ``bench/queue_board.py [--tickets N] [--requests N]``.

1. Creates a fresh database next to the one in DATABASE_URL (``<name>_queue_bench`` on PostgreSQL; a
   temporary file for SQLite), migrates it, loads Banyuwangi's regions and offices, and sets up the
   MPP as a hall with three queue groups, nine services and eight counters.
2. Writes a full day of tickets for today (default 1,500, the post-Lebaran peak) with their event rows
   (issued, called, started, finished; some no-shows, six being served, the rest waiting) — about
   5,800 events — plus the same volume on each of the previous 30 days, so indexes have to work.
3. With Django's test client (full request path: middleware, access policy, DRF, JSON), requests the
   board-state endpoint ``GET /api/v1/halls/mpp/board/`` and the baseline ``/healthz`` N times each
   after a warm-up — while nothing changes (the usual poll) and with a new event before every poll
   (the state recomputed each time) — and prints p50/p95 in milliseconds and the p95 ratio to the
   baseline.
   The issue's target is p95 under 30 ms.
"""

import argparse
import random
import time
from datetime import datetime, timedelta

import harness


def setup_hall():
    from datetime import time as clock

    from balai.accounts.models import Office
    from balai.queues.models import Counter, Hall, HallService, QueueGroup
    from balai.services.models import Service

    office = Office.objects.get(code="mpp")
    hall = Hall.objects.create(office=office, opens_at=clock(0, 0), closes_at=clock(23, 59), open_days="0123456")
    agencies = {"A": "dispendukcapil", "B": "dpmptsp", "C": "polresta"}
    offerings = []
    for prefix, code in agencies.items():
        group = QueueGroup.objects.create(hall=hall, prefix=prefix, name=code)
        agency = Office.objects.get(code=code)
        for i in range(3):
            service = Service.objects.create(code=f"bench-{prefix}-{i}", name=f"Layanan {prefix}{i}", agency=agency,
                                             channels=["counter"])
            offerings.append(HallService.objects.create(hall=hall, service=service, group=group, daily_quota=5000))
    counters = []
    for number in range(1, 9):
        counter = Counter.objects.create(hall=hall, number=number)
        counter.agencies.set([Office.objects.get(code=agencies["ABC"[min((number - 1) // 3, 2)]])])
        counters.append(counter)
    return hall, offerings, counters


def write_day(hall, offerings, counters, day, count, rng, *, live):
    """One day of tickets and events in bulk; `live` leaves the end of the day waiting/serving."""
    from django.utils import timezone

    from balai.queues.models import Ticket, TicketEvent

    start = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(hours=7)
    seqs = {}
    tickets = []
    for i in range(count):
        offering = offerings[i % len(offerings)]
        prefix = offering.group.prefix
        seqs[prefix] = seqs.get(prefix, 0) + 1
        arrived = start + timedelta(seconds=i * 30)
        if live and i >= count - 40:
            status, called, started, finished, counter = "waiting", None, None, None, None
        elif live and i >= count - 46:
            counter = counters[(count - 46 - i) % len(counters)]
            status, called, started, finished = "serving", arrived + timedelta(minutes=8), arrived + timedelta(
                minutes=9), None
        else:
            counter = counters[i % len(counters)]
            called = arrived + timedelta(minutes=rng.randint(2, 30))
            if rng.random() < 0.04:
                status, started, finished = "no_show", None, called + timedelta(minutes=1)
            else:
                status, started = "done", called
                finished = started + timedelta(minutes=rng.randint(3, 15))
        tickets.append(Ticket(hall=hall, group=offering.group, service=offering.service, day=day, seq=seqs[prefix],
                              number=f"{prefix}-{seqs[prefix]:03d}", status=status, counter=counter,
                              arrived_at=arrived, queued_at=arrived, called_at=called, started_at=started,
                              finished_at=finished, rank=1, call_count=1 if called else 0))
    Ticket.objects.bulk_create(tickets, batch_size=500)
    events = []
    for t in Ticket.objects.filter(hall=hall, day=day).only("pk", "arrived_at", "called_at", "started_at",
                                                            "finished_at", "status", "counter_id"):
        events.append(TicketEvent(ticket_id=t.pk, hall=hall, kind="issued", at=t.arrived_at))
        if t.called_at:
            events.append(TicketEvent(ticket_id=t.pk, hall=hall, kind="called", at=t.called_at, counter_id=t.counter_id))
        if t.started_at:
            events.append(TicketEvent(ticket_id=t.pk, hall=hall, kind="started", at=t.started_at,
                                      counter_id=t.counter_id))
        if t.finished_at:
            events.append(TicketEvent(ticket_id=t.pk, hall=hall, kind="finished" if t.status == "done" else "no_show",
                                      at=t.finished_at, counter_id=t.counter_id))
    TicketEvent.objects.bulk_create(events, batch_size=1000)
    return len(tickets), len(events)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1500, help="tickets per day (default 1500)")
    parser.add_argument("--days", type=int, default=30, help="previous days of history (default 30)")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint (default 300)")
    args = parser.parse_args()

    connection = harness.setup_django(harness.bench_database("queue_bench"))
    from django.test import Client
    from django.utils import timezone

    harness.load_banyuwangi()
    hall, offerings, counters = setup_hall()
    rng = random.Random(2026)
    today = timezone.localdate()
    started = time.perf_counter()
    total_tickets = total_events = 0
    for back in range(args.days, 0, -1):
        t, e = write_day(hall, offerings, counters, today - timedelta(days=back), args.tickets, rng, live=False)
        total_tickets += t
        total_events += e
    t, e = write_day(hall, offerings, counters, today, args.tickets, rng, live=True)
    print(f"Database: {connection.vendor}; today {t} tickets / {e} events; history {total_tickets} tickets / "
          f"{total_events} events over {args.days} days (written in {time.perf_counter() - started:.1f} s)")
    harness.analyze(connection)

    client = Client()

    def poll(path):
        def get(_i):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
        return get

    rows = []
    for label, path in [("baseline /healthz", "/healthz"), ("board /api/v1/halls/mpp/board/", "/api/v1/halls/mpp/board/")]:
        rows.append((label, *harness.timed(poll(path), args.requests, warmup=20)))
    # The worst case: the queue changed before every poll (a new event), so the state is recomputed.
    from balai.queues.models import Ticket, TicketEvent

    waiting = Ticket.objects.filter(hall=hall, day=today, status="waiting").first()
    rows.append(("board, changed before each poll", *harness.timed(
        poll("/api/v1/halls/mpp/board/"), args.requests,
        before=lambda _i: TicketEvent.objects.create(ticket=waiting, hall=hall, kind="issued"))))
    state = client.get("/api/v1/halls/mpp/board/").json()
    assert len(state["counters"]) == 8 and state["calls"], state
    harness.RatioTable("endpoint", label_width=34).rows(rows)
    for label, _p50, p95 in rows[1:]:
        print(f"{label}: p95 {p95:.1f} ms (target < 30 ms): {'OK' if p95 < 30 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
