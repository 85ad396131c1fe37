"""Pages and reports say only what the user may know about another village's register: the live NIK
check looks only within the user's own register; a save or an import refused because the NIK or KK
is taken elsewhere says so (the duplicate rule needs it) but never where or whose; the search page
lists the dusun of the user's own villages only."""

import pytest
from django.core.exceptions import ValidationError

from balai.regions.models import Region, UnitKind, VillageUnit
from balai.registry.importing.engine import population_import
from balai.registry.models import Person
from tests.registry_import.builders import balai_csv
from tests.registry_import.builders import family as file_family

from .helpers import SARONGAN, SUMBERAGUNG, person

pytestmark = pytest.mark.django_db


def test_the_live_nik_check_says_nothing_about_a_nik_of_another_village(world):
    elsewhere = person(village_code=SUMBERAGUNG, name="Warga Sumberagung")
    own = person(village_code=SARONGAN, name="Warga Sarongan")
    client = world.client("operator")
    html = client.get("/penduduk/cek-nik/", {"nik": elsewhere.nik}).content.decode()
    assert "sudah terdaftar" not in html and "alert-danger" not in html
    assert "Sumberagung" not in html and "35.10.01.2004" not in html
    # within the operator's own village the duplicate is told at once
    assert "sudah terdaftar" in client.get("/penduduk/cek-nik/", {"nik": own.nik}).content.decode()
    # the other village's own operator is told about its own resident
    assert "sudah terdaftar" in world.client("other_operator").get(
        "/penduduk/cek-nik/", {"nik": elsewhere.nik}).content.decode()


def test_saving_a_nik_taken_in_another_village_is_refused_without_saying_where_or_whose(world):
    elsewhere = person(village_code=SUMBERAGUNG, name="Warga Sumberagung")
    with pytest.raises(ValidationError) as refused:
        person(village_code=SARONGAN, nik=elsewhere.nik, name="Pendatang Baru", birth_date=elsewhere.birth_date)
    text = " ".join(refused.value.messages)
    assert "sudah terdaftar" in text
    assert "Sumberagung" not in text and "35.10.01.2004" not in text and "Warga" not in text
    assert Person.objects.filter(nik=elsewhere.nik).count() == 1


def test_an_import_dry_run_refuses_a_nik_and_kk_of_another_village_without_naming_it(regions):
    population_import(source=balai_csv(file_family(5, 50, size=2, village=SUMBERAGUNG)))
    report = population_import(source=balai_csv(file_family(5, 50, size=2)), village_code=SARONGAN,
                               scope=SARONGAN, dry_run=True)
    assert not report.written and {p.row for p in report.errors} == {2, 3}
    messages = [p.message for p in report.errors]
    assert any("desa lain" in m for m in messages)
    for message in messages:
        assert SUMBERAGUNG not in message and "Sumberagung" not in message and "3510012004" not in message


def test_the_search_page_does_not_list_the_dusun_of_another_village(world):
    sumberagung = Region.objects.get(code=SUMBERAGUNG)
    VillageUnit.objects.create(village=sumberagung, kind=UnitKind.DUSUN, name="Dusun Rahasia Tetangga")
    VillageUnit.objects.create(village=Region.objects.get(code=SARONGAN), kind=UnitKind.DUSUN, name="Krajan Sendiri")
    page = world.client("operator").get("/penduduk/", {"village": SUMBERAGUNG}).content.decode()
    assert "Dusun Rahasia Tetangga" not in page
    assert "Krajan Sendiri" in page  # the operator's own dusun are offered instead
    # the kecamatan office covers both villages and gets the chosen village's dusun
    office_page = world.client("verifier").get("/penduduk/", {"village": SUMBERAGUNG}).content.decode()
    assert "Dusun Rahasia Tetangga" in office_page

