from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from balai.queues import services
from balai.queues.models import Booking, Ticket

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 08:00 in Jakarta
DAY = date(2026, 3, 3)
NIK = "3510014107900001"


def today_booking(mpp, service):
    """A booking for today whatever the clock says (the slot-in-the-past rule is tested elsewhere)."""
    from django.utils import timezone

    return Booking.objects.create(hall=mpp["hall"], service=service, day=timezone.localdate(), slot=time(9, 0),
                                  name="Budi", phone="081299998888", person_key="081299998888")


def book(mpp, **kwargs):
    data = {"hall": mpp["hall"], "service": mpp["ktp"], "day": DAY, "slot": time(9, 0), "name": "Ani",
            "nik": NIK, "now": NOW}
    data.update(kwargs)
    return services.booking_create(**data)


def test_a_person_holds_one_active_booking_per_service_per_day(mpp):
    book(mpp)
    with pytest.raises(ValidationError, match="sudah punya booking"):
        book(mpp, slot=time(10, 0))
    # Another service the same day, or the same service another day, is fine.
    book(mpp, service=mpp["kk"])
    book(mpp, day=date(2026, 3, 4))
    assert Booking.objects.count() == 3


def test_a_cancelled_booking_frees_the_person_to_book_again(mpp):
    services.booking_cancel(booking=book(mpp))
    assert book(mpp, slot=time(10, 0)).status == Booking.Status.ACTIVE


def test_the_phone_number_identifies_a_person_without_nik(mpp):
    book(mpp, nik="", phone="0812-3456-7890")
    with pytest.raises(ValidationError, match="sudah punya booking"):
        book(mpp, nik="", phone="081234567890", slot=time(11, 0))


def test_a_booking_needs_nik_or_phone(mpp):
    with pytest.raises(ValidationError, match="NIK atau nomor HP"):
        book(mpp, nik="", phone="")


def test_slot_quota_and_daily_quota_are_respected(mpp):
    # The factory allows two bookings per slot.
    book(mpp, nik="", phone="081200000001")
    book(mpp, nik="", phone="081200000002")
    with pytest.raises(ValidationError, match="penuh"):
        book(mpp, nik="", phone="081200000003")
    mpp["hall"].offerings.filter(service=mpp["ktp"]).update(daily_quota=3)
    book(mpp, nik="", phone="081200000003", slot=time(10, 0))
    with pytest.raises(ValidationError, match="Kuota"):
        book(mpp, nik="", phone="081200000004", slot=time(11, 0))


def test_bookings_only_on_open_days_within_the_window_and_on_slot_times(mpp):
    mpp["hall"].open_days = "012345"
    mpp["hall"].save()
    with pytest.raises(ValidationError, match="tidak buka"):
        book(mpp, day=date(2026, 3, 8))  # Sunday
    with pytest.raises(ValidationError, match="hari ke depan"):
        book(mpp, day=date(2026, 4, 30))
    with pytest.raises(ValidationError, match="bukan slot"):
        book(mpp, slot=time(9, 10))


def test_reserved_bookings_count_against_the_walk_in_quota(mpp):
    mpp["hall"].offerings.filter(service=mpp["ktp"]).update(daily_quota=1)
    book(mpp, day=date(2026, 3, 2), slot=time(9, 0))
    with pytest.raises(ValidationError, match="Kuota"):
        services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"], now=NOW)


def test_the_booking_qr_token_checks_in_once_on_its_day_and_gets_a_priority_number(mpp):
    booking = book(mpp, priority="pregnant")
    with pytest.raises(ValidationError, match="tanggal"):
        services.booking_check_in(token=booking.token, now=NOW)
    on_the_day = datetime(2026, 3, 3, 1, 55, tzinfo=UTC)
    ticket = services.booking_check_in(token=booking.token, now=on_the_day)
    assert ticket.number == "A-001" and ticket.priority == "pregnant" and ticket.source == "online"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN
    # Scanning again returns the same ticket instead of a second number.
    assert services.booking_check_in(token=booking.token, now=on_the_day) == ticket
    assert Ticket.objects.count() == 1


def test_a_slot_that_has_passed_cannot_be_booked(mpp):
    with pytest.raises(ValidationError, match="lewat"):
        book(mpp, day=date(2026, 3, 2), slot=time(7, 0))


def test_an_unknown_code_is_refused(mpp):
    with pytest.raises(ValidationError, match="tidak dikenal"):
        services.booking_check_in(token="tidak-ada", now=NOW)


def test_booking_page_shows_a_qr_of_the_opaque_token_and_masks_the_nik(mpp, client):
    booking = book(mpp)
    page = client.get(f"/antrean/booking/{booking.token}/")
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content and booking.token.encode() in page.content
    assert NIK.encode() not in page.content and b"351001******0001" in page.content


def test_kiosk_check_in_by_scanned_token(mpp, client):

    booking = today_booking(mpp, mpp["izin"])
    response = client.post("/antrean/mpp/kios/", {"booking": booking.token})
    ticket = Ticket.objects.get(booking=booking)
    assert response.status_code == 302 and ticket.public_id in response["Location"] and ticket.number == "B-001"


def test_booking_api_creates_and_answers_the_qr(mpp, client):
    from django.utils import timezone

    day = timezone.localdate() + timedelta(days=1)
    response = client.post("/api/v1/bookings/", {
        "hall": "mpp", "service": "uji-kk", "day": day.isoformat(), "slot": mpp["hall"].slots()[-1].strftime("%H:%M"),
        "name": "Citra", "phone": "081311112222"}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["qr_svg"].startswith("data:image/svg+xml") and "phone" not in body
    again = client.post("/api/v1/bookings/", {
        "hall": "mpp", "service": "uji-kk", "day": day.isoformat(), "slot": mpp["hall"].slots()[-1].strftime("%H:%M"),
        "name": "Citra", "phone": "081311112222"}, content_type="application/json")
    assert again.status_code == 400 and "sudah punya booking" in again.json()["detail"]
    assert client.post(f"/api/v1/bookings/{body['token']}/check-in/").status_code == 400  # not its day yet
    checkin = client.post(f"/api/v1/bookings/{today_booking(mpp, mpp['kk']).token}/check-in/")
    assert checkin.status_code == 201 and checkin.json()["number"] == "A-001"


def test_a_booking_whose_nik_shows_sixty_or_more_gets_elderly_priority(mpp):
    # Born 15-07-1965 (a woman: day + 40) — 60 on the booked day; born 1990 — no priority.
    assert book(mpp, nik="3510015507650002").priority == "elderly"
    assert book(mpp, nik=NIK, service=mpp["kk"]).priority == ""
    assert services.age_from_nik("3510015507650002", date(2026, 3, 3)) == 60
    assert services.age_from_nik("3510014107900001", date(2026, 3, 3)) == 35
