import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from balai.core.models import Sequence
from balai.letters import numbering
from balai.letters.models import Letter
from balai.letters.services import outgoing_mail_register
from tests.letters.factories import issue_letter
from tests.support.world import OTHER_VILLAGE, VILLAGE

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def stub_pdf(monkeypatch):
    """Numbering does not depend on the PDF: a stub keeps these tests fast (rendering is tested elsewhere)."""
    from balai.letters import services

    monkeypatch.setattr(services, "letter_render_pdf", lambda letter: f"%PDF-stub {letter.number}".encode())


def at(year, month, day, hour=9):
    return datetime.datetime(year, month, day, hour, tzinfo=JAKARTA)


def test_roman_months_run_from_i_to_xii():
    assert [numbering.roman_month(m) for m in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_number_has_code_three_digit_sequence_village_code_roman_month_and_year():
    assert numbering.format_number(classification_code="470", sequence=12, village_code="35.10.01.2001",
                                   month=9, year=2026) == "470/012/35.10.01.2001/IX/2026"


def test_unknown_numbering_mode_is_a_configuration_error(settings):
    settings.BALAI_LETTER_NUMBERING = "per_month"
    with pytest.raises(ImproperlyConfigured):
        numbering.numbering_mode()


def test_issued_letter_numbers_follow_the_village_format(world):
    letter = issue_letter(world, letter_type="domisili", issued_at=at(2026, 9, 7))
    assert letter.number == "470/001/35.10.01.2001/IX/2026"
    assert re.fullmatch(r"\d{3}(\.\d+)?/\d{3}/35\.10\.01\.2001/[IVX]+/2026", letter.number)


def test_each_letter_type_has_its_own_sequence_by_default(world):
    first = issue_letter(world, letter_type="sktm", issued_at=at(2026, 3, 2))
    second = issue_letter(world, letter_type="sktm", issued_at=at(2026, 3, 3))
    other_type = issue_letter(world, letter_type="usaha", issued_at=at(2026, 3, 3))
    assert (first.number, second.number, other_type.number) == (
        "401/001/35.10.01.2001/III/2026", "401/002/35.10.01.2001/III/2026", "510/001/35.10.01.2001/III/2026")


def test_sequence_restarts_in_a_new_year_but_not_in_a_new_month(world):
    numbers = [issue_letter(world, issued_at=when).number
               for when in (at(2026, 11, 30), at(2026, 12, 31, 20), at(2027, 1, 2))]
    assert numbers == ["401/001/35.10.01.2001/XI/2026", "401/002/35.10.01.2001/XII/2026",
                       "401/001/35.10.01.2001/I/2027"]


def test_new_year_follows_jakarta_time_not_utc(world):
    # 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Banyuwangi.
    letter = issue_letter(world, issued_at=datetime.datetime(2026, 12, 31, 18, tzinfo=datetime.UTC))
    assert letter.number.endswith("/I/2027")


def test_mode_all_shares_one_sequence_across_letter_types(world, settings):
    settings.BALAI_LETTER_NUMBERING = "all"
    a = issue_letter(world, letter_type="sktm", issued_at=at(2026, 5, 4))
    b = issue_letter(world, letter_type="usaha", issued_at=at(2026, 5, 4))
    c = issue_letter(world, letter_type="pengantar_skck", issued_at=at(2026, 5, 5))
    assert [a.number, b.number, c.number] == ["401/001/35.10.01.2001/V/2026", "510/002/35.10.01.2001/V/2026",
                                              "331/003/35.10.01.2001/V/2026"]


def test_mode_register_shares_the_sequence_with_the_outgoing_mail_register(world, settings):
    settings.BALAI_LETTER_NUMBERING = "register"
    letter = issue_letter(world, issued_at=at(2026, 6, 1))
    mail = outgoing_mail_register(village=VILLAGE, classification_code="005", subject="Undangan Musdes",
                                  recipient="Ketua BPD", actor=world.user("secretary"), sent_on=datetime.date(2026, 6, 2))
    later = issue_letter(world, letter_type="usaha", issued_at=at(2026, 6, 3))
    assert [letter.number, mail.number, later.number] == [
        "401/001/35.10.01.2001/VI/2026", "005/002/35.10.01.2001/VI/2026", "510/003/35.10.01.2001/VI/2026"]


def test_letter_types_sharing_a_classification_code_share_a_sequence(world):
    loss = issue_letter(world, letter_type="kehilangan", issued_at=at(2026, 7, 1))
    skck = issue_letter(world, letter_type="pengantar_skck", issued_at=at(2026, 7, 1))
    assert [loss.number, skck.number] == ["331/001/35.10.01.2001/VII/2026", "331/002/35.10.01.2001/VII/2026"]


def test_villages_count_separately(world):
    from balai.accounts.models import Membership, Office, Role, User
    from balai.letters.services import letter_issue
    from tests.letters.factories import HOLDER

    office = Office.objects.get(region_id=OTHER_VILLAGE, kind=Office.Kind.VILLAGE)
    head = User.objects.create_user(username="kades-lain", password="x-rahasia-123", first_name="Kades Lain")
    membership = Membership.objects.create(user=head, office=office, role=Role.HEAD)
    issue_letter(world, issued_at=at(2026, 2, 2))
    other = letter_issue(letter_type="sktm", village=OTHER_VILLAGE, holder=dict(HOLDER), signer_user=head,
                         membership=membership, issued_at=at(2026, 2, 2))
    assert other.number == "401/001/35.10.01.2004/II/2026"


def test_a_failed_issuance_leaves_no_gap(world, monkeypatch):
    from balai.letters import services

    issue_letter(world, issued_at=at(2026, 4, 1))

    def broken_render(letter):
        raise RuntimeError("printer on fire")

    working_render = services.letter_render_pdf
    monkeypatch.setattr(services, "letter_render_pdf", broken_render)
    with pytest.raises(RuntimeError):
        issue_letter(world, issued_at=at(2026, 4, 2))
    monkeypatch.setattr(services, "letter_render_pdf", working_render)
    after = issue_letter(world, issued_at=at(2026, 4, 3))
    assert after.sequence == 2
    assert Sequence.objects.get(key=f"letter:{VILLAGE}:401", period="2026").last == 2
    assert Letter.objects.count() == 2


def test_sequence_row_lock_is_taken_inside_the_callers_transaction(world):
    with transaction.atomic():
        first = numbering.letter_sequence_next(village_code=VILLAGE, scope="x", year=2026)
        second = numbering.letter_sequence_next(village_code=VILLAGE, scope="x", year=2026)
    assert (first, second) == (1, 2)
