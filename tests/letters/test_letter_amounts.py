"""Amounts on letters are written by the one rupiah formatter (balai/core/money.py)."""

from balai.letters.catalogue import detail_rows


def test_an_income_on_a_letter_is_written_rp_space_and_dots_whatever_way_it_was_typed():
    assert detail_rows("sktm", {"penghasilan": "1500000"}) == [("Penghasilan keluarga per bulan", "Rp 1.500.000")]
    assert detail_rows("sktm", {"penghasilan": "750.000"}) == [("Penghasilan keluarga per bulan", "Rp 750.000")]
    assert detail_rows("sktm", {"penghasilan": 350000}) == [("Penghasilan keluarga per bulan", "Rp 350.000")]


def test_an_income_that_is_not_an_amount_is_shown_as_typed():
    assert detail_rows("sktm", {"penghasilan": "tidak tetap"}) == [("Penghasilan keluarga per bulan", "tidak tetap")]
