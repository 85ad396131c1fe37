"""Malformed input gets a 4xx with a short Indonesian message, never a server error (issue 12).

PostgreSQL refuses a NUL byte in text, so these matter most there: run this file with
DATABASE_URL=postgres://... too."""

import pytest
from django.urls import NoReverseMatch, resolve, reverse

from tests.support.walker import _PARAM, ADMIN, collect_patterns, load_matrix

NUL_MESSAGE = "Permintaan memuat karakter yang tidak diizinkan."


@pytest.mark.parametrize("url", [
    "/api/v1/regions/?parent=%00",
    "/layanan/?q=%00",
    "/verifikasi/%00/",
    "/verifikasi/abc%00def/",
])
def test_a_nul_byte_in_the_path_or_query_string_is_refused_with_400(client, regions, url):
    response = client.get(url)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


def test_a_nul_byte_in_a_form_value_is_refused_with_400(client, regions):
    response = client.post("/masuk/", {"username": "ope\x00rator", "password": "x"})
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


@pytest.mark.parametrize("path", [
    "/api/v1/persons/{}/", "/api/v1/families/{}/", "/api/v1/life-events/{}/", "/api/v1/letters/{}/",
    "/api/v1/applications/{}/",
])
def test_a_non_uuid_id_on_an_api_detail_route_is_not_found(world, path):
    response = world.client("operator").get(path.format("bukan-uuid"), HTTP_ACCEPT="application/json")
    assert response.status_code == 404


def test_a_malformed_work_queue_cursor_starts_at_the_first_page(world):
    client = world.client("operator")
    for tab in ("new", "mine", "due", "overdue"):
        response = client.get(f"/antrean-kerja/?tab={tab}&after=x")
        assert response.status_code == 200, tab
        response = client.get(f"/antrean-kerja/?tab={tab}&after=2026-13-01|x")
        assert response.status_code == 200, tab


@pytest.mark.parametrize("since", ["x", "2026-02-30", "2026-1-1x"])
def test_a_malformed_since_date_on_life_events_is_a_400_with_a_message(world, since):
    response = world.client("operator").get(f"/api/v1/life-events/?since={since}")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["since"][0]


def test_a_valid_since_date_still_filters_life_events(world):
    response = world.client("operator").get("/api/v1/life-events/?since=2026-01-01")
    assert response.status_code == 200


def test_a_username_over_255_characters_gets_the_login_form_back_not_a_server_error(client, regions):
    response = client.post("/masuk/", {"username": "a" * 300, "password": "rahasia"})
    assert response.status_code in (200, 400)
    assert "Nama pengguna paling banyak 150 karakter." in response.content.decode()


def test_a_username_over_255_characters_on_the_token_api_is_a_400(client, regions):
    response = client.post("/api/v1/token/", {"username": "a" * 300, "password": "rahasia"})
    assert response.status_code == 400
    assert response.json()["username"] == ["Nama pengguna paling banyak 150 karakter."]


def test_every_url_pattern_with_a_nul_in_the_query_string_gets_no_server_error(world):
    expected, params, setups = load_matrix()
    for setup in setups:
        setup(world)
    client = world.client("anonymous")
    failures, tried = [], 0
    for name, route, _callback, namespaces in collect_patterns():
        if ADMIN in namespaces or name is None or name not in expected:
            continue
        kwargs = params[name](world) if _PARAM.search(route) and name in params else {}
        try:
            url = reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            continue
        if resolve(url).view_name != name:
            continue
        tried += 1
        for method in (client.get, client.post):
            response = method(url + "?q=%00&after=%00&page=%00")
            if response.status_code >= 500:
                failures.append(f"{method.__name__.upper()} {url}: {response.status_code}")
    assert tried > 50
    assert failures == [], "\n".join(failures)
