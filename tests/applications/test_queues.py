import datetime as dt

from django.utils import timezone

from balai.applications.models import Application
from balai.applications.selectors import work_queue
from tests.support.world import OTHER_VILLAGE

from .factories import make_person, make_service, membership_of, submit


def _fill(world, service, count):
    person = make_person()
    for _ in range(count):
        submit(service, person, membership=membership_of(world, "operator"))


def test_work_queue_pages_make_the_same_few_queries_however_many_applications(world, django_assert_max_num_queries):
    service = make_service("sktm")
    client = world.client("operator")
    _fill(world, service, 3)
    client.get("/antrean-kerja/")  # warm the session/membership caches
    with django_assert_max_num_queries(8):
        small = client.get("/antrean-kerja/?tab=new")
    _fill(world, service, 20)
    with django_assert_max_num_queries(8):
        big = client.get("/antrean-kerja/?tab=new")
    assert small.status_code == big.status_code == 200
    assert big.content.decode().count("/permohonan/") >= 23


def test_queues_are_keyset_paginated_and_split_into_new_mine_due_and_overdue(world, today):
    service = make_service("sktm", days=1)
    operator = membership_of(world, "operator")
    today("2026-06-01")
    _fill(world, service, 5)
    rows, cursor = work_queue(operator, "new", today=dt.date(2026, 6, 1), limit=2)
    seen = [a.pk for a in rows]
    while cursor:
        rows, cursor = work_queue(operator, "new", today=dt.date(2026, 6, 1), after=cursor, limit=2)
        seen += [a.pk for a in rows]
    assert len(seen) == len(set(seen)) == 5 and seen == sorted(seen)
    overdue, _ = work_queue(operator, "overdue", today=dt.date(2026, 6, 10))
    assert len(overdue) == 5
    due_soon, _ = work_queue(operator, "due", today=dt.date(2026, 6, 1))
    assert len(due_soon) == 5
    assert work_queue(membership_of(world, "other_operator"), "new", today=dt.date(2026, 6, 1))[0] == []
    from balai.applications.services import application_transition

    application_transition(application=rows[0] if rows else overdue[0], action="verify",
                           user=world.users["operator"], membership=operator)
    mine, _ = work_queue(operator, "mine", today=dt.date(2026, 6, 1))
    assert len(mine) == 1


def _finished(application, *, status, due, done_on):
    """Put an application in a finished (or open) state with a known due date and completion day."""
    completed = None
    if done_on is not None:
        completed = timezone.make_aware(dt.datetime.combine(done_on, dt.time(0, 30)))  # 00:30 WIB: the day before in UTC
    Application.objects.filter(pk=application.pk).update(status=status, due_date=due, completed_at=completed)


def test_sla_dashboard_counts_on_time_and_late_per_service(world, django_assert_max_num_queries):
    today = timezone.localdate()
    due = today - dt.timedelta(days=10)
    operator = membership_of(world, "operator")
    sktm = make_service("sktm", agency="dispendukcapil")
    domisili = make_service("domisili", agency="dpmptsp")
    person = make_person()
    a = [submit(sktm, person, membership=operator) for _ in range(6)]
    b = [submit(domisili, person, membership=operator) for _ in range(3)]
    # Layanan sktm: 2 on time (on the due day itself, and the day before), 1 late, 1 open past due,
    # 1 returned past due (the clock is stopped: open but not overdue), 1 open not yet due.
    _finished(a[0], status="collected", due=due, done_on=due)
    _finished(a[1], status="ready", due=due, done_on=due - dt.timedelta(days=1))
    _finished(a[2], status="rejected", due=due, done_on=due + dt.timedelta(days=2))
    _finished(a[3], status="submitted", due=today - dt.timedelta(days=1), done_on=None)
    _finished(a[4], status="returned", due=today - dt.timedelta(days=1), done_on=None)
    _finished(a[5], status="submitted", due=today, done_on=None)
    # Layanan domisili: 1 late by one day, 2 open (one past due).
    _finished(b[0], status="collected", due=due, done_on=due + dt.timedelta(days=1))
    _finished(b[1], status="submitted", due=today + dt.timedelta(days=3), done_on=None)
    _finished(b[2], status="submitted", due=today - dt.timedelta(days=2), done_on=None)
    # Another village's application, finished on time: outside the operator's scope, counted nowhere.
    elsewhere = submit(sktm, make_person(OTHER_VILLAGE), membership=membership_of(world, "other_operator"))
    _finished(elsewhere, status="collected", due=due, done_on=due)

    client = world.client("operator")
    client.get("/kinerja-layanan/")
    # Session, user, membership, OTP device, session save, and one grouped query per table.
    with django_assert_max_num_queries(9):
        response = client.get("/kinerja-layanan/")
    assert response.status_code == 200
    figures = ("total", "open", "on_time", "late", "overdue", "rate")
    by_service = {r["service__name"]: tuple(r[f] for f in figures) for r in response.context["by_service"]}
    assert by_service == {
        # total, open, on time, late, open past due, on time / finished (2 of 3; 0 of 1)
        "Layanan sktm": (6, 3, 2, 1, 1, 66.7),
        "Layanan domisili": (3, 2, 0, 1, 1, 0.0),
    }
    by_agency = {r["agency__name"]: tuple(r[f] for f in figures) for r in response.context["by_agency"]}
    assert by_agency == {
        sktm.agency.name: (6, 3, 2, 1, 1, 66.7),
        domisili.agency.name: (3, 2, 0, 1, 1, 0.0),
    }
    assert "66,7%" in response.content.decode()  # Indonesian decimal comma

    # The regency sees the other village too: sktm then has 3 of 4 finished on time.
    regency = world.client("viewer").get("/kinerja-layanan/")
    rows = {r["service__name"]: (r["total"], r["on_time"], r["rate"]) for r in regency.context["by_service"]}
    assert rows["Layanan sktm"] == (7, 3, 75.0)
