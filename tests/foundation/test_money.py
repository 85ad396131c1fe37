"""Money: one field, one formatter, one way to spell an amount (balai/core/money.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from balai.core.money import RupiahField, format_rupiah, number_words, parse_rupiah, rupiah_words


@pytest.mark.parametrize("amount, text", [
    (1_500_000, "Rp 1.500.000"), (350_000, "Rp 350.000"), (500, "Rp 500"), (1_000, "Rp 1.000"),
    (0, "Rp 0"), (-1_500, "-Rp 1.500"), (2_100_000_000, "Rp 2.100.000.000"),
    (1_234_567_890_123, "Rp 1.234.567.890.123"), ("1.500.000", "Rp 1.500.000"), ("1500000", "Rp 1.500.000"),
])
def test_amounts_are_written_rp_space_and_dots_between_thousands(amount, text):
    assert format_rupiah(amount) == text


@pytest.mark.parametrize("amount, words", [
    (1_500_000, "satu juta lima ratus ribu rupiah"),
    (1_000, "seribu rupiah"),
    (100, "seratus rupiah"),
    (11, "sebelas rupiah"),
    (1_001_000, "satu juta seribu rupiah"),
    (2_100_000_000, "dua miliar seratus juta rupiah"),
    (0, "nol rupiah"),
    (12, "dua belas rupiah"),
    (19, "sembilan belas rupiah"),
    (21, "dua puluh satu rupiah"),
    (101, "seratus satu rupiah"),
    (111, "seratus sebelas rupiah"),
    (1_100, "seribu seratus rupiah"),
    (115_000, "seratus lima belas ribu rupiah"),
    (250_000, "dua ratus lima puluh ribu rupiah"),
    (1_000_000_000_000, "satu triliun rupiah"),
    (-5_000, "minus lima ribu rupiah"),
])
def test_amounts_are_spelled_in_indonesian_as_worked_by_hand(amount, words):
    assert rupiah_words(amount) == words


def test_a_thousand_inside_a_larger_amount_is_seribu_as_indonesian_writes_it():
    # 1.001.000 = satu juta + seribu; Indonesian never says "satu ribu" for the thousands group of 1.
    assert rupiah_words(1_001_000) == "satu juta seribu rupiah"
    assert "satu ribu" not in rupiah_words(3_001_500)
    assert rupiah_words(3_001_500) == "tiga juta seribu lima ratus rupiah"
    # ...while a million or a billion of one stays "satu juta", "satu miliar".
    assert rupiah_words(2_001_000_000) == "dua miliar satu juta rupiah"


@pytest.mark.parametrize("text, amount", [
    ("Rp 1.500.000", 1_500_000), ("Rp1.500.000", 1_500_000), ("1.500.000", 1_500_000), ("1500000", 1_500_000),
    ("1.500.000,00", 1_500_000), ("  350.000 ", 350_000), ("-Rp 1.500", -1_500), ("0", 0),
])
def test_amounts_typed_the_indonesian_way_are_read(text, amount):
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize("text", ["1.500.000,50", "1.5", "15.00.000", "satu juta", "", "Rp", "1.500.000.0"])
def test_text_that_is_not_a_whole_amount_is_refused(text):
    with pytest.raises(ValueError):
        parse_rupiah(text)


def test_a_fractional_amount_is_refused_not_rounded():
    with pytest.raises(ValueError):
        format_rupiah(1500.5)
    assert format_rupiah(1500.0) == "Rp 1.500"


def test_template_filters_format_and_spell_and_leave_odd_values_alone():
    out = Template("{% load money %}{{ a|rupiah }}|{{ a|rupiah_words }}|{{ b|rupiah }}|{{ c|rupiah }}").render(
        Context({"a": 2_100_000_000, "b": "tidak tahu", "c": None}))
    assert out == "Rp 2.100.000.000|dua miliar seratus juta rupiah|tidak tahu|"


def test_the_rupiah_field_refuses_a_negative_amount_with_an_indonesian_message():
    field = RupiahField()
    with pytest.raises(ValidationError) as caught:
        field.clean(-1, None)
    assert caught.value.messages == ["Jumlah rupiah tidak boleh negatif."]
    assert field.clean(0, None) == 0
    assert RupiahField(allow_negative=True).clean(-1, None) == -1
    assert field.formfield().min_value == 0


def test_the_rupiah_field_deconstructs_to_itself_for_migrations():
    name, path, args, kwargs = RupiahField(default=0).deconstruct()
    assert path == "balai.core.money.RupiahField" and kwargs == {"default": 0}
    assert RupiahField(allow_negative=True).deconstruct()[3] == {"allow_negative": True}
    assert RupiahField().get_internal_type() == "BigIntegerField"



@pytest.mark.parametrize("amount, words", [
    (10, "sepuluh"), (110, "seratus sepuluh"), (999, "sembilan ratus sembilan puluh sembilan"),
    (1_000_000, "satu juta"), (100_000_000, "seratus juta"), (11_000, "sebelas ribu"),
    (100_000, "seratus ribu"), (1_000_000_001, "satu miliar satu"),
    (9_223_372_036_854_775_807, "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua "
     "triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan "
     "ratus tujuh"),
])
def test_numbers_are_spelled_group_by_group_up_to_the_largest_bigint(amount, words):
    # 9.223.372.036.854.775.807 = 2^63 - 1, the largest RupiahField value.
    assert number_words(amount) == words

