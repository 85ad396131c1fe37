import datetime as dt

from balai.applications.selectors import work_queue

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


def test_sla_dashboard_counts_on_time_and_late_per_service(world, django_assert_max_num_queries):
    _fill(world, make_service("sktm"), 2)
    client = world.client("operator")
    client.get("/kinerja-layanan/")
    # Session, user, membership, OTP device, session save, and one grouped query per table.
    with django_assert_max_num_queries(9):
        response = client.get("/kinerja-layanan/")
    assert response.status_code == 200 and "Layanan sktm" in response.content.decode()
