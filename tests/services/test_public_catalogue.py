import pytest
from django.test import Client

from balai.services.models import Service
from balai.services.templatetags.catalogue import fee_label
from tests.services.catalogue_data import load_small_catalogue


@pytest.mark.parametrize("amount, text", [(0, "Gratis"), (30000, "Rp 30.000"), (350000, "Rp 350.000"),
                                          (1000000, "Rp 1.000.000"), (500, "Rp 500")])
def test_fees_are_written_the_indonesian_way_and_a_zero_fee_is_free(amount, text):
    assert fee_label(amount) == text


def test_the_catalogue_home_lists_agencies_and_life_events_with_their_counts(small):
    page = Client().get("/layanan/").content.decode()
    assert "Kantor desa/kelurahan (Smart Kampung)" in page
    assert "Dinas Kependudukan dan Pencatatan Sipil" in page
    assert "Kelahiran dan anak" in page
    assert "Dinas Perhubungan" not in page  # agencies without services are not listed


def test_search_finds_services_by_name_ignoring_case(small):
    page = Client().get("/layanan/", {"q": "AKTA kelahiran"}).content.decode()
    assert "Penerbitan Akta Kelahiran" in page
    assert "Penerbitan SKCK" not in page


def test_search_finds_services_by_words_of_their_description(small):
    page = Client().get("/layanan/", {"q": "melamar kerja"}).content.decode()
    assert "Penerbitan SKCK" in page
    assert "Paspor Biasa" not in page


def test_a_search_without_matches_says_so(small):
    page = Client().get("/layanan/", {"q": "kapal selam"}).content.decode()
    assert 'id="no-results"' in page


def test_the_agency_page_lists_only_that_agencys_services(small):
    page = Client().get("/layanan/instansi/dispendukcapil/").content.decode()
    assert "Penerbitan Akta Kelahiran" in page and "Kartu Identitas Anak" in page
    assert "Penerbitan SKCK" not in page


def test_the_village_office_page_lists_services_handled_at_the_village(small):
    page = Client().get("/layanan/instansi/desa/").content.decode()
    assert "Surat Keterangan Tidak Mampu" in page
    assert "Paspor Biasa" not in page


def test_a_village_office_code_is_not_an_agency_page(small):
    assert Client().get("/layanan/instansi/desa-3510012001/").status_code == 404


def test_the_life_event_page_lists_the_services_of_that_event(small):
    page = Client().get("/layanan/peristiwa/lahir/").content.decode()
    assert "Penerbitan Akta Kelahiran" in page and "Kartu Identitas Anak" in page
    assert "Penerbitan SKCK" not in page


def test_the_service_page_shows_its_standard_and_how_to_apply(small):
    page = Client().get("/layanan/paspor-biasa/").content.decode()
    assert "Rp 350.000" in page
    assert "4 hari kerja" in page
    assert 'href="/layanan/paspor-biasa/ajukan/"' in page
    assert "Di loket Mal Pelayanan Publik" in page
    free = Client().get("/layanan/akta-lahir/").content.decode()
    assert "Gratis" in free and "UU 24/2013" in free and "wajib diunggah" in free
    assert "Di kantor desa/kelurahan" in free


def test_a_service_offered_only_at_the_counter_has_no_online_apply_button(small):
    page = Client().get("/layanan/kia/").content.decode()
    assert "/layanan/kia/ajukan/" not in page


def test_an_unknown_fee_is_not_shown_as_free(small):
    Service.objects.filter(code="kia").update(fee_note="Biaya menurut tarif Perda.")
    page = Client().get("/layanan/kia/").content.decode()
    assert "Sesuai ketentuan" in page and "Biaya menurut tarif Perda." in page


def test_an_inactive_service_is_hidden_from_the_catalogue(small):
    Service.objects.filter(code="skck").update(is_active=False)
    assert Client().get("/layanan/skck/").status_code == 404
    assert "Penerbitan SKCK" not in Client().get("/layanan/", {"q": "skck"}).content.decode()


def test_the_catalogue_pages_take_a_fixed_number_of_queries(full_catalogue, django_assert_max_num_queries):
    client = Client()
    client.get("/layanan/")  # warm caches (sessions, content types)
    with django_assert_max_num_queries(8):
        assert client.get("/layanan/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/layanan/", {"q": "akta"}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/layanan/instansi/dispendukcapil/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/layanan/peristiwa/lahir/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/layanan/akta-lahir/").status_code == 200


def test_the_portal_home_offers_the_catalogue(small):
    assert 'href="/layanan/"' in Client().get("/").content.decode()


def test_staff_see_the_catalogue_in_their_menu(world):
    from tests.support.world import client_for

    load_small_catalogue()
    page = client_for(world.user("operator")).get("/layanan/").content.decode()
    assert 'class="nav-link active" href="/layanan/"' in page
