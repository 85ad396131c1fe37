from django.test import Client


def test_the_services_api_is_paginated_with_a_count_and_the_standard_of_each_service(small):
    body = Client().get("/api/v1/services/").json()
    assert body["count"] == 5
    assert {"next", "previous", "results"} <= body.keys()
    skck = next(s for s in body["results"] if s["code"] == "skck")
    assert skck["agency"]["code"] == "polresta"
    assert skck["processing_days"] == 1 and skck["fee"] == 30000
    akta = next(s for s in body["results"] if s["code"] == "akta-lahir")
    assert akta["requirements"] == [{"name": "Surat keterangan lahir", "upload": True},
                                    {"name": "Kartu Keluarga", "upload": False}]
    assert akta["life_events"] == ["lahir"]


def test_the_services_api_filters_by_agency_life_event_and_search(small):
    client = Client()
    assert {s["code"] for s in client.get("/api/v1/services/", {"agency": "dispendukcapil"}).json()["results"]} == {
        "akta-lahir", "kia"}
    assert {s["code"] for s in client.get("/api/v1/services/", {"life_event": "lahir"}).json()["results"]} == {
        "akta-lahir", "kia"}
    assert [s["code"] for s in client.get("/api/v1/services/", {"search": "PASPOR"}).json()["results"]] == [
        "paspor-biasa"]
    assert [s["code"] for s in client.get("/api/v1/services/", {"level": "village"}).json()["results"]] == ["sktm"]


def test_one_service_is_read_by_its_code(small):
    body = Client().get("/api/v1/services/sktm/").json()
    assert body["letter_type"] == "sktm" and body["workflow"] == "village_letter"
    assert body["form_fields"][0]["name"] == "keperluan"


def test_the_agencies_api_counts_each_agencys_services(small):
    body = Client().get("/api/v1/agencies/").json()
    counts = {a["code"]: a["service_count"] for a in body["results"]}
    assert counts["dispendukcapil"] == 2 and counts["polresta"] == 1 and counts["dishub"] == 0
    assert next(a for a in body["results"] if a["code"] == "dpmd")["village_service_count"] == 1
    assert "desa-3510012001" not in counts  # village offices are not agencies


def test_the_services_api_takes_a_fixed_number_of_queries(full_catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        body = Client().get("/api/v1/services/").json()
    assert body["count"] >= 192 and len(body["results"]) == 50


def test_a_saved_change_shows_at_once_in_the_cached_api_and_pages(small):
    from balai.services.models import Service

    client = Client()
    assert client.get("/api/v1/services/", {"agency": "polresta"}).json()["results"][0]["fee"] == 30000
    assert "Penerbitan SKCK" in client.get("/layanan/instansi/polresta/").content.decode()
    skck = Service.objects.get(code="skck")
    skck.fee = 35000
    skck.name = "Penerbitan Surat Keterangan Catatan Kepolisian"
    skck.save()
    assert client.get("/api/v1/services/", {"agency": "polresta"}).json()["results"][0]["fee"] == 35000
    assert "Penerbitan Surat Keterangan Catatan Kepolisian" in client.get("/layanan/instansi/polresta/").content.decode()


def test_the_life_events_for_browsing_are_listed_publicly(small):
    body = Client().get("/api/v1/service-life-events/").json()
    assert [e["slug"] for e in body["results"]] == ["lahir", "berkendara"]
    assert Client().get("/api/v1/service-life-events/lahir/").json()["name"] == "Kelahiran dan anak"
