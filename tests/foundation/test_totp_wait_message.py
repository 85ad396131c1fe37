"""A code attempt that django_otp refuses to check yet (it doubles the wait after each wrong code)
says "too many attempts, wait", never "wrong code": the code was not even looked at."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def _signed_in_with_a_device(world, client):
    device = TOTPDevice.objects.create(user=world.user("administrator"), name="hp", confirmed=True)
    client.post("/masuk/", {"username": "t-administrator", "password": "rahasia-uji-123"})
    return device


def _right_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_throttled_code_attempt_says_wait_not_wrong_code(world, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # after one wrong code, 60 s before the next is checked
    device = _signed_in_with_a_device(world, client)
    wrong = client.post("/masuk/kode/", {"token": "000000"})
    assert "Kode salah" in wrong.content.decode()
    # The right code, but inside the wait: not checked, and the user is told to wait.
    throttled = client.post("/masuk/kode/", {"token": _right_code(device)})
    page = throttled.content.decode()
    assert throttled.status_code == 429
    assert "Terlalu banyak percobaan kode yang salah. Tunggu" in page and "Kode salah" not in page
    assert "detik" in page
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the throttled attempt counted nothing more


def test_the_wait_message_is_in_english_for_english_users(world, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    _signed_in_with_a_device(world, client)
    client.post("/masuk/kode/", {"token": "000000"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    throttled = client.post("/masuk/kode/", {"token": "111111"})
    assert throttled.status_code == 429
    assert "Too many wrong codes. Wait" in throttled.content.decode()


def test_after_the_wait_the_right_code_lets_the_user_in(world, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = _signed_in_with_a_device(world, client)
    client.post("/masuk/kode/", {"token": "000000"})
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)  # the wait is over
    device.refresh_from_db()
    response = client.post("/masuk/kode/", {"token": _right_code(device)})
    assert response.status_code == 302
