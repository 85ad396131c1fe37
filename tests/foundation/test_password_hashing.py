"""Passwords are hashed with Argon2id at OWASP's parameters (19 MiB, t=2, p=1), not Django's 100 MiB,
and a hash made with Django's parameters is rehashed with these on the next successful sign-in."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, identify_hasher, make_password
from django.test import override_settings

from balai.accounts.hashers import BalaiArgon2PasswordHasher
from balai.accounts.models import User

PRODUCTION_HASHERS = ["balai.accounts.hashers.BalaiArgon2PasswordHasher",
                      "django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def argon2_parameters(encoded):
    # argon2$argon2id$v=19$m=19456,t=2,p=1$salt$hash
    params = encoded.split("$")[3]
    return dict(part.split("=") for part in params.split(","))


def test_the_configured_first_hasher_is_argon2id_at_owasp_parameters(settings):
    from balai import settings as balai_settings

    production_first = [h for h in balai_settings.PASSWORD_HASHERS if "MD5" not in h][0]
    assert production_first == "balai.accounts.hashers.BalaiArgon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS):
        encoded = make_password("kata-sandi-panjang-1")
    assert encoded.startswith("argon2$argon2id$")
    assert argon2_parameters(encoded) == {"m": "19456", "t": "2", "p": "1"}


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_hash_with_djangos_default_parameters_is_rehashed_at_sign_in(client):
    old = Argon2PasswordHasher().encode("kata-sandi-lama-123", Argon2PasswordHasher().salt())
    assert argon2_parameters(old) == {"m": "102400", "t": "2", "p": "8"}
    user = User.objects.create(username="warga-lama", password=old)
    assert identify_hasher(old).__class__ is BalaiArgon2PasswordHasher  # same algorithm name: still verified

    response = client.post("/masuk/", {"username": "warga-lama", "password": "kata-sandi-lama-123"})

    assert response.status_code == 302, response.content.decode()[:500]
    user.refresh_from_db()
    assert user.password != old
    assert argon2_parameters(user.password) == {"m": "19456", "t": "2", "p": "1"}
    assert user.check_password("kata-sandi-lama-123")


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_wrong_password_leaves_the_old_hash_alone(client):
    old = Argon2PasswordHasher().encode("kata-sandi-lama-123", Argon2PasswordHasher().salt())
    user = User.objects.create(username="warga-lama2", password=old)
    response = client.post("/masuk/", {"username": "warga-lama2", "password": "salah-sekali-123"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.password == old


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from django.conf import settings

    assert settings.PASSWORD_HASHERS[-2] == "balai.accounts.hashers.BalaiArgon2PasswordHasher"
    assert "BalaiArgon2PasswordHasher" in [h.rsplit(".", 1)[1] for h in settings.PASSWORD_HASHERS][:2]
