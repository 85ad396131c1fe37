import datetime as dt

import pytest

from balai.accounts.models import Office
from balai.applications.services import application_transition
from balai.core.calendar import WorkCalendar, add_working_days, working_days_between
from balai.core.models import DayOff

from .factories import make_person, make_service, membership_of, submit

D = dt.date.fromisoformat


def test_idul_fitri_2026_and_its_joint_leave_days_are_not_working_days():
    calendar = WorkCalendar("mon-fri", local=False)
    # 18–24 March 2026: Nyepi joint leave, Nyepi, Idul Fitri joint leave, Idul Fitri (Sat/Sun), joint leave.
    assert [calendar.is_working_day(D(f"2026-03-{d:02d}")) for d in range(17, 26)] == [
        True, False, False, False, False, False, False, False, True]
    # Submitted Tuesday 17 March with 3 working days: due Friday 27 March.
    assert calendar.add_working_days(D("2026-03-17"), 3) == D("2026-03-27")


def test_weekends_depend_on_the_office_work_week():
    friday = D("2026-03-13")
    assert WorkCalendar("mon-fri", local=False).add_working_days(friday, 2) == D("2026-03-17")
    assert WorkCalendar("mon-sat", local=False).add_working_days(friday, 2) == D("2026-03-16")
    assert WorkCalendar("mon-sat", local=False).add_working_days(friday, 1) == D("2026-03-14")


def test_independence_day_and_christmas_2026_are_skipped():
    calendar = WorkCalendar("mon-fri", local=False)
    assert calendar.add_working_days(D("2026-08-14"), 1) == D("2026-08-18")  # Fri → (Mon 17 Aug) → Tue
    assert calendar.add_working_days(D("2026-12-23"), 1) == D("2026-12-28")  # 24 joint leave, 25 Christmas
    assert calendar.working_days_between(D("2026-12-23"), D("2026-12-28")) == 1


@pytest.mark.django_db
def test_a_regency_day_off_is_skipped_and_a_village_day_off_only_there(regions):
    DayOff.objects.create(date=D("2026-12-18"), name="Hari Jadi Banyuwangi")
    DayOff.objects.create(date=D("2026-12-21"), name="Bersih desa", region_code="35.10.01.2001")
    # Thursday 17 December + 1 working day: Friday 18 is off for all, the weekend, then Monday 21 …
    assert add_working_days(D("2026-12-17"), 1, region_code="35.10.02.2001") == D("2026-12-21")
    # … except in Desa Sarongan, where Monday 21 is off too.
    assert add_working_days(D("2026-12-17"), 1, region_code="35.10.01.2001") == D("2026-12-22")
    assert working_days_between(D("2026-12-17"), D("2026-12-22"), region_code="35.10.01.2001") == 1
    assert working_days_between(D("2026-12-17"), D("2026-12-22"), region_code="35.10.01.2004") == 2


def test_due_date_counts_working_days_from_the_day_of_submission(world, today):
    today("2026-03-17")
    application = submit(make_service("sktm", days=3), make_person(), membership=membership_of(world, "operator"))
    assert application.due_date == D("2026-03-27")


def test_an_mpp_service_of_a_mon_sat_agency_counts_saturdays(world, today):
    Office.objects.filter(code="dpmptsp").update(work_week="mon-sat")
    today("2026-03-13")
    application = submit(make_service("nib", workflow="agency", agency="dpmptsp", days=2), make_person(),
                         channel="counter", membership=membership_of(world, "counter_officer"))
    assert application.due_date == D("2026-03-16")


def test_the_clock_pauses_while_the_application_waits_for_the_citizen(world, today):
    citizen = world.users["citizen"]
    today("2026-04-01")  # Wednesday; 3 working days: Thu 2, (Good Friday 3 Apr), Mon 6, Tue 7
    application = submit(make_service("sktm", days=3), make_person(user=citizen), channel="online", user=citizen)
    assert application.due_date == D("2026-04-07")
    today("2026-04-06")
    application_transition(application=application, action="return", user=world.users["operator"],
                           membership=membership_of(world, "operator"), note="Lengkapi surat pengantar RT")
    today("2026-04-20")  # long after the due date, but the clock stood still
    assert application.sla_state(today=D("2026-04-20")) != "breached"
    today("2026-04-09")
    application_transition(application=application, action="resubmit", user=citizen)
    # 7, 8, 9 April were spent waiting for the citizen: the due date moves 3 working days.
    assert application.paused_days == 3
    assert application.due_date == D("2026-04-10")
    application.refresh_from_db()
    assert (application.paused_days, application.due_date, application.paused_since) == (3, D("2026-04-10"), None)


def test_sla_state_is_on_track_then_at_risk_then_breached(world, today):
    today("2026-06-02")  # Tuesday, 5 working days → Tue 9 June
    application = submit(make_service("sktm", days=5), make_person(), membership=membership_of(world, "operator"))
    assert application.due_date == D("2026-06-09")
    assert application.sla_state(today=D("2026-06-03")) == "on-track"
    assert application.sla_state(today=D("2026-06-08")) == "at-risk"
    assert application.sla_state(today=D("2026-06-10")) == "breached"
