"""The fast URL and date helpers of hot list templates give exactly what reverse() and |date print."""

import datetime
import uuid

from django.template import engines
from django.urls import clear_script_prefix, reverse, set_script_prefix

from balai.core.links import cached_reverse, detail_url


def test_detail_url_is_what_reverse_gives_also_under_a_script_prefix():
    public_id = uuid.uuid4()
    assert detail_url("registry:person", public_id) == reverse("registry:person", args=[public_id])
    set_script_prefix("/balai/")
    try:
        assert detail_url("registry:family", public_id) == reverse("registry:family", args=[public_id])
        assert detail_url("registry:family", public_id).startswith("/balai/keluarga/")
        assert cached_reverse("registry:search") == reverse("registry:search") == "/balai/penduduk/"
    finally:
        clear_script_prefix()
    assert cached_reverse("registry:search") == "/penduduk/"


def test_dmy_prints_what_the_date_filter_prints_and_nothing_for_a_missing_date():
    template = engines["django"].from_string('{% load balai_format %}{{ d|dmy }}|{{ d|date:"d/m/Y" }}|{{ none|dmy }}')
    for day in (datetime.date(1987, 3, 8), datetime.date(2026, 12, 31), datetime.date(905, 1, 2)):
        ours, django_s, empty = template.render({"d": day, "none": None}).split("|")
        assert ours == django_s and empty == ""
