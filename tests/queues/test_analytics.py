from datetime import UTC, date, datetime, timedelta

from balai.queues import analytics, services
from balai.queues.models import Hall
from tests.support.queries import queries_of

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Jakarta
DAY = date(2026, 3, 2)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


def serve(mpp, *, arrive, call, start=None, end=None, service="ktp", counter=0):
    """One visitor through counter `counter`, at known minutes after 08:00."""
    ticket = services.ticket_issue(hall=mpp["hall"], service=mpp[service], now=at(arrive))
    c = mpp["counters"][counter]
    called = services.counter_call_next(counter=c, now=at(call))
    assert called.pk == ticket.pk
    if start is None:
        services.ticket_no_show(ticket=ticket, counter=c, now=at(call + 1))
    else:
        services.ticket_start(ticket=ticket, counter=c, now=at(start))
        services.ticket_finish(ticket=ticket, counter=c, now=at(end))
    return ticket


def known_day(mpp):
    # KTP-el at counter 1: waits 2, 4, 6, 8 and 10 minutes; services 3, 5, 7, 9 minutes; one no-show.
    serve(mpp, arrive=0, call=2, start=2, end=5)
    serve(mpp, arrive=5, call=9, start=9, end=14)
    serve(mpp, arrive=14, call=20, start=20, end=27)
    serve(mpp, arrive=27, call=35, start=35, end=44)
    serve(mpp, arrive=50, call=60)  # no-show after a 10-minute wait
    # NIB at counter 3, at 10:00: wait 1, service 20.
    serve(mpp, arrive=120, call=121, start=121, end=141, service="izin", counter=2)


def test_wait_and_service_times_per_service_match_the_known_sequence(mpp):
    known_day(mpp)
    rows = {r["key"]: r for r in analytics.stats(Hall.objects.all(), DAY, DAY, "service")}
    ktp, nib = rows["Perekaman KTP-el"], rows["Nomor Induk Berusaha"]
    assert (ktp["issued"], ktp["served"], ktp["no_show"]) == (5, 4, 1)
    assert round(ktp["avg_wait"], 6) == 6.0           # (2+4+6+8+10)/5
    assert ktp["p90_wait"] == 10.0                     # nearest rank: 5th of 5
    assert round(ktp["avg_service"], 6) == 6.0        # (3+5+7+9)/4
    assert ktp["p90_service"] == 9.0
    assert (nib["avg_wait"], nib["p90_wait"], nib["avg_service"], nib["p90_service"]) == (1.0, 1.0, 20.0, 20.0)


def test_per_hour_and_per_counter_breakdowns_and_busiest_hours(mpp):
    known_day(mpp)
    halls = Hall.objects.all()
    hours = {r["key"]: r for r in analytics.stats(halls, DAY, DAY, "hour")}
    assert set(hours) == {8, 10} and hours[8]["issued"] == 5 and hours[10]["issued"] == 1
    counters = {r["key"]: r for r in analytics.stats(halls, DAY, DAY, "counter")}
    assert counters[1]["served"] == 4 and counters[3]["served"] == 1
    assert analytics.busiest_hours(halls, DAY, DAY) == [{"hour": 8, "arrivals": 5}, {"hour": 10, "arrivals": 1}]


def test_other_days_are_outside_the_period(mpp):
    known_day(mpp)
    assert analytics.stats(Hall.objects.all(), date(2026, 3, 3), date(2026, 3, 4), "service") == []


def test_p90_uses_the_nearest_rank():
    assert analytics.p90([]) is None
    assert analytics.p90(list(range(1, 11))) == 9
    assert analytics.p90([5.0]) == 5.0


def test_analytics_page_and_csv_for_hall_staff(mpp_world, world):
    known_day(mpp_world)
    client = world.client("counter_officer")
    page = client.get("/antrean/analitik/?dari=2026-03-02&sampai=2026-03-02&per=service")
    assert page.status_code == 200 and b"Perekaman KTP-el" in page.content and b"queue-chart-data" in page.content
    csv_text = client.get("/antrean/analitik/csv/?dari=2026-03-02&sampai=2026-03-02&per=service").content.decode()
    assert "Perekaman KTP-el,5,4,1,6.00,10.00,6.00,9.00" in csv_text


def test_analytics_page_makes_the_same_queries_for_6_and_18_visitors_whatever_the_breakdown(mpp_world, world):
    def visitors(first_minute, pairs):
        # Each pair: a KTP-el visitor at counter 1 and an NIB visitor at counter 3, 5 minutes apart.
        for i in range(pairs):
            minute = first_minute + 10 * i
            serve(mpp_world, arrive=minute, call=minute + 2, start=minute + 2, end=minute + 4)
            serve(mpp_world, arrive=minute + 5, call=minute + 6, start=minute + 6, end=minute + 9, service="izin",
                  counter=2)

    client = world.client("counter_officer")
    urls = [f"/antrean/analitik/?dari=2026-03-02&sampai=2026-03-02&per={by}" for by in analytics.DIMENSIONS]
    for url in urls:
        client.get(url)  # warm the session and membership
    visitors(0, 3)
    small = {}
    for url in urls:
        small[url], page = queries_of(client, url)
        assert sum(r["issued"] for r in page.context["rows"]) == 6
    visitors(60, 6)
    for url in urls:
        large, page = queries_of(client, url)
        assert sum(r["issued"] for r in page.context["rows"]) == 18
        assert (url, large) == (url, small[url])
    page = client.get("/antrean/analitik/?dari=2026-03-02&sampai=2026-03-02&per=service")
    assert {r["key"]: r["served"] for r in page.context["rows"]} == {"Perekaman KTP-el": 9, "Nomor Induk Berusaha": 9}
