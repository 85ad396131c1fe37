import pytest
from django.core.management import call_command

from balai.regions.loading import load_regions
from balai.regions.models import Kind, Level, Region, kind_of


@pytest.mark.django_db
def test_loading_banyuwangi_brings_its_25_kecamatan_217_villages_and_its_parents():
    result = load_regions("35.10")
    assert Region.objects.filter(code__in=["35", "35.10"]).count() == 2
    assert Region.objects.below("35.10").filter(level=Level.DISTRICT).count() == 25
    assert Region.objects.below("35.10").filter(level=Level.VILLAGE).count() == 217
    assert result.created == Region.objects.count()


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load_regions("35.10")
    second = load_regions("35.10")
    assert second.created == 0 and second.renamed == 0
    assert second.unchanged == Region.objects.count()


@pytest.mark.django_db
def test_a_renamed_region_is_renamed_in_place_not_duplicated():
    load_regions("35.10")
    Region.objects.filter(code="35.10.01.2001").update(name="Nama Lama")
    result = load_regions("35.10")
    assert result.renamed == 1
    assert Region.objects.get(code="35.10.01.2001").name == "Sarongan"
    assert Region.objects.filter(name="Sarongan", code="35.10.01.2001").count() == 1


@pytest.mark.django_db
def test_the_whole_country_loads_91599_regions_idempotently():
    call_command("load_regions", all=True, verbosity=0)
    assert Region.objects.count() == 91599
    assert load_regions(None).created == 0


def test_kind_comes_from_the_code():
    assert kind_of("35.10.01.2001", "Sarongan") == Kind.VILLAGE
    assert kind_of("35.10.06.1001", "Karangrejo") == Kind.URBAN_VILLAGE
    assert kind_of("35.78", "Kota Surabaya") == Kind.CITY
    assert kind_of("35.10", "Kabupaten Banyuwangi") == Kind.REGENCY


@pytest.mark.django_db
def test_subtree_queries_use_the_code_prefix(django_assert_num_queries):
    load_regions("35.10")
    with django_assert_num_queries(1):
        codes = list(Region.objects.within("35.10.01").values_list("code", flat=True))
    assert codes[0] == "35.10.01" and all(c.startswith("35.10.01") for c in codes)
    assert "35.10.02" not in codes


@pytest.mark.django_db
def test_an_unknown_code_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="tidak ada dalam daftar Kemendagri"):
        load_regions("99.99")


@pytest.mark.django_db
def test_the_regions_api_lists_banyuwangis_25_kecamatan(client):
    load_regions("35.10")
    response = client.get("/api/v1/regions/?parent=35.10")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 25
    first = body["results"][0]
    assert first == {"code": "35.10.01", "name": "Pesanggaran", "kind": "kecamatan", "level": 3, "parent": "35.10"}
    one = client.get("/api/v1/regions/35.10.01/").json()
    assert one["name"] == "Pesanggaran"
    assert client.get("/api/v1/regions/35.10.99/").status_code == 404


@pytest.mark.django_db
def test_the_public_region_page_lists_the_kecamatan(client):
    load_regions("35.10")
    response = client.get("/wilayah/")
    assert response.status_code == 200
    assert "Pesanggaran" in response.content.decode() and "Kalibaru" in response.content.decode()
