from django.test import Client


def test_the_portal_home_explains_what_citizens_can_do(db):
    from django.core.management import call_command

    call_command("load_regions", "35.10", verbosity=0)
    html = Client().get("/").content.decode()
    assert "Apa yang bisa Anda lakukan di sini" in html
    assert "25 kecamatan dan 217 desa/kelurahan" in html
