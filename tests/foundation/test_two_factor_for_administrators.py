from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.foundation.logins import login


def test_administrator_must_give_a_totp_code_before_reaching_the_admin(world, client):
    admin = world.user("administrator")
    device = TOTPDevice.objects.create(user=admin, name="hp", confirmed=True)
    response = login(client, "t-administrator")
    assert response["Location"].startswith("/masuk/kode/")
    assert client.get("/admin/").status_code == 302  # held at the code page
    wrong = client.post("/masuk/kode/", {"token": "000000"})
    assert "Kode salah" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp delays retries after a wrong code; the test does not wait
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/masuk/kode/", {"token": code}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_administrator_without_a_device_is_sent_to_set_one_up(world, client):
    response = login(client, "t-administrator")
    assert response["Location"] == "/akun/dua-langkah/"
    assert client.get("/admin/").status_code == 403  # the admin needs a verified second factor
