import datetime as dt

from .factories import make_person, make_service, membership_of, submit


def test_the_public_status_page_needs_the_reference_and_the_birth_date(world):
    person = make_person(birth=dt.date(1985, 2, 3))
    application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    client = world.client("anonymous")
    wrong = client.post("/lacak/", {"reference": application.reference, "birth_date": "1985-02-04"})
    assert "tidak ditemukan" in wrong.content.decode()
    spoken = application.reference.lower().replace("-", " ")  # typed as it was read aloud
    right = client.post("/lacak/", {"reference": spoken, "birth_date": "1985-02-03"}).content.decode()
    assert "Diajukan" in right and "Operator desa memeriksa data" in right


def test_guessing_birth_dates_on_the_status_page_is_stopped_after_ten_tries_with_a_wait_message(world):
    person = make_person(birth=dt.date(1985, 2, 3))
    application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    client = world.client("anonymous")
    for day in range(1, 11):  # ten wrong guesses are answered
        wrong = client.post("/lacak/", {"reference": application.reference, "birth_date": f"1985-01-{day:02d}"})
        assert wrong.status_code == 200 and "tidak ditemukan" in wrong.content.decode()
    stopped = client.post("/lacak/", {"reference": application.reference, "birth_date": "1985-02-03"})
    page = stopped.content.decode()
    assert stopped.status_code == 429 and "Terlalu banyak percobaan" in page and "Diajukan" not in page
