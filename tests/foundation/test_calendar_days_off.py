"""Regional days off live with the calendar (core.DayOff), and moving them there kept every row."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from balai.core.calendar import WorkCalendar, region_and_ancestors
from balai.core.models import DayOff

D = dt.date.fromisoformat


def test_a_region_code_has_its_ancestors_from_province_down():
    assert region_and_ancestors("35.10.01.2001") == ["35", "35.10", "35.10.01", "35.10.01.2001"]
    assert region_and_ancestors("") == []


@pytest.mark.django_db
def test_a_kecamatan_day_off_holds_in_its_villages_and_not_in_the_next_kecamatan():
    # Tuesday 10 November 2026 (Hari Pahlawan is a day of remembrance, not a holiday).
    DayOff.objects.create(date=D("2026-11-10"), name="Festival kecamatan", region_code="35.10.01")
    assert WorkCalendar(region_code="35.10.01.2001").day_off_reason(D("2026-11-10")) == "local"
    assert WorkCalendar(region_code="35.10.01").day_off_reason(D("2026-11-10")) == "local"
    assert WorkCalendar(region_code="35.10.02.2001").is_working_day(D("2026-11-10"))
    assert WorkCalendar(region_code="35.10").is_working_day(D("2026-11-10"))  # the regency office works
    # Monday 9 → the first working day after it in Desa 35.10.01.2001 is Wednesday 11.
    assert WorkCalendar(region_code="35.10.01.2001").add_working_days(D("2026-11-09"), 1) == D("2026-11-11")


@pytest.mark.django_db
def test_the_calendar_reads_the_days_off_of_a_window_in_one_query(django_assert_num_queries):
    DayOff.objects.create(date=D("2026-11-10"), name="Festival", region_code="")
    calendar = WorkCalendar(region_code="35.10.01.2001")
    with django_assert_num_queries(1):
        assert calendar.working_days_between(D("2026-11-02"), D("2026-11-30")) == 20 - 1


@pytest.mark.django_db
def test_a_day_off_for_a_region_that_does_not_exist_is_refused_in_indonesian(regions):
    with pytest.raises(ValidationError) as caught:
        DayOff(date=D("2026-11-10"), name="Festival", region_code="35.10.99").full_clean()
    assert caught.value.message_dict["region_code"] == ["Wilayah dengan kode “35.10.99” tidak ada."]
    with pytest.raises(ValidationError) as caught:
        DayOff(date=D("2026-11-10"), name="Festival", region_code="3510").full_clean()
    assert caught.value.message_dict["region_code"] == [
        "Kode wilayah “3510” tidak sah: tulis seperti 35.10 atau 35.10.01.2001."]
    DayOff(date=D("2026-11-10"), name="Festival", region_code="35.10.01").full_clean()  # Pesanggaran exists


@pytest.mark.django_db
def test_two_regency_wide_days_off_on_one_date_are_refused():
    DayOff.objects.create(date=D("2026-11-10"), name="Festival")
    with pytest.raises(ValidationError):
        DayOff(date=D("2026-11-10"), name="Festival lagi").full_clean()


@pytest.mark.django_db(transaction=True)
def test_moving_dayoff_to_core_keeps_every_row_and_can_be_undone():
    before = [("applications", "0002_queue_arrival_index"), ("core", "0001_initial")]
    after = [("applications", "0003_e_dayoff_moved_to_core")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("applications", "DayOff")
    old.objects.create(date=D("2026-12-18"), name="Hari Jadi Banyuwangi", region_id=None)
    old.objects.create(date=D("2026-12-18"), name="Hari Jadi Banyuwangi (dua kali)", region_id=None)
    old.objects.create(date=D("2026-12-21"), name="Bersih desa", region_id="35.10.01.2001")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("core", "DayOff")
    assert sorted(new.objects.values_list("date", "name", "region_code")) == [
        (D("2026-12-18"), "Hari Jadi Banyuwangi", ""),  # the duplicate regency-wide row is dropped
        (D("2026-12-21"), "Bersih desa", "35.10.01.2001"),
    ]

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("applications", "DayOff")
    assert sorted(old.objects.values_list("date", "name", "region_id")) == [
        (D("2026-12-18"), "Hari Jadi Banyuwangi", None),
        (D("2026-12-21"), "Bersih desa", "35.10.01.2001"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_an_administrator_adds_a_village_day_off_in_the_admin_and_a_wrong_code_is_refused(world):
    client = world.client("administrator")
    response = client.post("/admin/core/dayoff/add/", {"date": "2026-11-10", "name": "Bersih desa",
                                                       "region_code": "35.10.01.2001"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(DayOff.objects.values_list("date", "region_code")) == [(D("2026-11-10"), "35.10.01.2001")]
    response = client.post("/admin/core/dayoff/add/", {"date": "2026-11-11", "name": "Salah", "region_code": "35.10.77"})
    assert response.status_code == 200 and "Wilayah dengan kode “35.10.77” tidak ada." in response.content.decode()
    assert DayOff.objects.count() == 1
    assert world.client("operator").get("/admin/core/dayoff/").status_code in (302, 403)
