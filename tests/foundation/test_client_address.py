"""Every limit counts per client address, and the address comes from one place
(balai.core.client.client_ip): the connecting address, or behind BALAI_TRUSTED_PROXIES proxies the
address they vouch for in X-Forwarded-For. A header the client writes itself never makes it a new
client, and people behind the one proxy are not one client."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import RequestFactory

from balai.core.client import client_ip
from balai.core.ratelimit import limit_for
from balai.core.throttling import PublicThrottle

PROXY = "10.0.0.2"  # nginx, as gunicorn sees it
ALICE = "203.0.113.5"
BOB = "198.51.100.7"


@pytest.fixture(autouse=True)
def _no_throttle_history():
    """DRF keeps its throttle history in the default cache (process memory in tests): start with none,
    and leave none behind for the next tests (these use up the whole rate of the test address)."""
    caches["default"].clear()
    yield
    caches["default"].clear()


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def _public_rate():
    return PublicThrottle().parse_rate(PublicThrottle().get_rate())[0]


def test_without_trusted_proxies_the_client_is_the_connecting_address_whatever_the_header_says(settings):
    settings.BALAI_TRUSTED_PROXIES = 0
    assert client_ip(_request(ALICE, "1.2.3.4")) == ALICE
    assert client_ip(_request(ALICE)) == ALICE


def test_behind_one_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.BALAI_TRUSTED_PROXIES = 1
    # nginx's $proxy_add_x_forwarded_for: what the client sent, then the address nginx saw.
    assert client_ip(_request(PROXY, f"6.6.6.6, 7.7.7.7, {ALICE}")) == ALICE
    assert client_ip(_request(PROXY, ALICE)) == ALICE
    assert client_ip(_request(PROXY)) == PROXY  # no header: the connecting address


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(settings):
    settings.BALAI_TRUSTED_PROXIES = 2
    assert client_ip(_request(PROXY, f"6.6.6.6, {ALICE}, 10.0.0.1")) == ALICE
    assert client_ip(_request(PROXY, ALICE)) == ALICE  # fewer entries than proxies: the leftmost


def test_an_entry_that_is_not_an_address_falls_back_to_the_connecting_address(settings):
    settings.BALAI_TRUSTED_PROXIES = 1
    assert client_ip(_request(PROXY, "6.6.6.6, <script>")) == PROXY


def test_axes_asks_the_same_place_for_the_address():
    assert settings.AXES_CLIENT_IP_CALLABLE == "balai.core.client.client_ip"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.django_db
def test_a_rotating_forwarded_header_without_trusted_proxies_is_limited_as_one_client(client, settings):
    settings.BALAI_TRUSTED_PROXIES = 0
    rate = _public_rate()  # 120 a minute by default
    codes = [client.get("/api/v1/regions/", HTTP_X_FORWARDED_FOR=f"10.9.{n // 250}.{n % 250 + 1}").status_code
             for n in range(rate + 5)]
    assert codes.count(200) == rate
    assert codes[rate:] == [429] * 5


@pytest.mark.django_db
def test_behind_the_trusted_proxy_two_real_clients_are_counted_separately(client, settings):
    settings.BALAI_TRUSTED_PROXIES = 1
    rate = _public_rate()
    alice = [client.get("/api/v1/regions/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"9.9.9.{n % 250}, {ALICE}")
             .status_code for n in range(rate + 1)]
    assert alice.count(200) == rate and alice[-1] == 429  # her own rotating prefix did not help her
    bob = client.get("/api/v1/regions/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=BOB)
    assert bob.status_code == 200


@pytest.mark.django_db
def test_ten_wrong_tracking_attempts_behind_the_proxy_block_only_the_one_who_made_them(client, settings):
    settings.BALAI_TRUSTED_PROXIES = 1
    limit = limit_for("track")[0]  # 10 in ten minutes
    wrong = {"reference": "PRM-2099-000001", "birth_date": "1985-01-01"}
    codes = [client.post("/lacak/", wrong, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ALICE).status_code
             for _ in range(limit + 1)]
    assert codes == [200] * limit + [429]
    other = client.post("/lacak/", wrong, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=BOB)
    assert other.status_code == 200
    assert "Permohonan tidak ditemukan" in other.content.decode()


def _login(client, address, password):
    return client.post("/masuk/", {"username": "t-operator", "password": password},
                       REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def test_five_wrong_passwords_behind_the_proxy_lock_the_name_only_for_that_address(world, client, settings):
    settings.BALAI_TRUSTED_PROXIES = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ALICE, "salah-sekali")
    assert _login(client, ALICE, "rahasia-uji-123").status_code == 429  # locked for the stranger
    owner = _login(client, BOB, "rahasia-uji-123")
    assert owner.status_code == 302  # the owner, elsewhere, signs in


def test_a_rotating_header_does_not_escape_the_login_lockout_without_trusted_proxies(world, client, settings):
    settings.BALAI_TRUSTED_PROXIES = 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"10.8.0.{n + 1}", "salah-sekali")
    assert _login(client, "10.8.0.99", "rahasia-uji-123").status_code == 429


def test_no_module_but_balai_core_client_reads_the_address_headers():
    from pathlib import Path

    import balai

    root = Path(balai.__file__).parent
    readers = sorted(str(path.relative_to(root)) for path in root.rglob("*.py")
                     if "migrations" not in path.parts
                     and any(word in path.read_text(encoding="utf-8")
                             for word in ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "NUM_PROXIES")))
    assert readers == ["core/client.py", "settings.py"]
