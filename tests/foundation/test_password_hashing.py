from django.conf import settings


def test_passwords_are_hashed_with_argon2_in_production_settings():
    assert settings.PASSWORD_HASHERS[-2] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "Argon2PasswordHasher" in [h.rsplit(".", 1)[1] for h in settings.PASSWORD_HASHERS][:2]
