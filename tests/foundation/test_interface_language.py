import pytest


@pytest.mark.django_db
def test_the_ui_is_indonesian_even_for_a_browser_asking_for_english_until_the_switch_is_used(client):
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Apa yang bisa Anda lakukan di sini" in html
    client.post("/bahasa/", {"language": "en", "next": "/"})
    assert "What you can do here" in client.get("/").content.decode()
