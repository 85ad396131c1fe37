import pytest
from django.core.exceptions import ValidationError

from balai.accounts.models import Office
from balai.core.choices import choice_keys
from balai.services.catalogue import load_catalogue, read_catalogue
from balai.services.models import LifeEvent, Service
from tests.services.catalogue_data import load_small_catalogue, small_catalogue


def test_the_shipped_catalogue_holds_at_least_192_services_of_at_least_20_agencies(full_catalogue):
    active = Service.objects.active()
    assert active.count() >= 192
    assert active.values("agency").distinct().count() >= 20
    assert full_catalogue.created == active.count()
    # Every agency is an Office of kind agency/national from the agencies list.
    kinds = set(Office.objects.filter(services__isnull=False).values_list("kind", flat=True))
    assert kinds <= {Office.Kind.AGENCY, Office.Kind.NATIONAL}


def test_every_village_letter_type_has_exactly_one_village_service_in_the_shipped_file():
    services = read_catalogue()["services"]
    letters = [s for s in services if s.get("workflow") == "village_letter"]
    assert sorted(s["letter_type"] for s in letters) == sorted(choice_keys("letter_type"))
    assert all(s["level"] == "village" for s in letters)


def test_every_shipped_service_states_its_standard():
    for s in read_catalogue()["services"]:
        assert s["description"] and s["legal_basis"] and s["output"], s["code"]
        assert s["requirements"], s["code"]
        assert s["processing_days"] >= 1, s["code"]
        assert set(s["channels"]) <= {"online", "village", "counter"} and s["channels"], s["code"]
        assert isinstance(s["fee"], int) and s["fee"] >= 0, s["code"]


def test_known_published_fees_are_in_the_shipped_catalogue(full_catalogue):
    fees = dict(Service.objects.values_list("code", "fee"))
    assert fees["paspor-biasa"] == 350000
    assert fees["paspor-elektronik"] == 650000
    assert fees["skck"] == 30000
    assert fees["akta-lahir"] == 0 and fees["kia"] == 0 and fees["ktp-baru"] == 0
    assert fees["nikah-luar-kua"] == 600000 and fees["nikah-kua"] == 0


def test_reloading_the_catalogue_changes_nothing(offices):
    first = load_small_catalogue()
    history = Service.history.count()
    links = Service.life_events.through.objects.count()
    second = load_small_catalogue()
    assert (first.created, second.created, second.updated, second.unchanged) == (5, 0, 0, 5)
    assert Service.history.count() == history
    assert Service.life_events.through.objects.count() == links


def test_a_changed_entry_is_updated_on_reload_and_recorded_in_history(offices):
    load_small_catalogue()
    data = small_catalogue()
    data["services"][2]["fee"] = 35000
    data["services"][0]["life_events"] = []
    result = load_small_catalogue(data)
    assert result.updated == 2
    skck = Service.objects.get(code="skck")
    assert skck.fee == 35000
    assert skck.history.first().fee == 35000
    assert not Service.objects.get(code="akta-lahir").life_events.exists()


def test_a_service_of_an_unknown_agency_is_refused_with_a_clear_message(offices):
    data = small_catalogue()
    data["services"][0]["agency"] = "dinas-khayalan"
    with pytest.raises(ValidationError, match="dinas-khayalan"):
        load_small_catalogue(data)
    assert not Service.objects.exists()


def test_a_form_field_of_an_unknown_type_is_refused(offices):
    data = small_catalogue()
    data["services"][4]["form_fields"] = [{"name": "x", "label": "X", "type": "warna"}]
    with pytest.raises(ValidationError):
        load_small_catalogue(data)


def test_a_village_letter_service_without_letter_type_is_refused(offices):
    data = small_catalogue()
    del data["services"][4]["letter_type"]
    with pytest.raises(ValidationError):
        load_small_catalogue(data)


def test_duplicate_codes_in_the_file_are_refused(offices):
    data = small_catalogue()
    data["services"].append(dict(data["services"][0]))
    with pytest.raises(ValidationError, match="akta-lahir"):
        load_small_catalogue(data)


def test_life_events_are_loaded_in_their_order(offices):
    load_small_catalogue()
    assert list(LifeEvent.objects.values_list("slug", flat=True)) == ["lahir", "berkendara"]


def test_the_demo_step_loads_the_catalogue_and_is_idempotent(offices):
    from balai.core.demo import demo_steps

    step = next(func for order, name, func in demo_steps() if name == "Katalog layanan")
    step(stdout=None, people=0, seed=0)
    count = Service.objects.count()
    history = Service.history.count()
    step(stdout=None, people=0, seed=0)
    assert Service.objects.count() == count >= 192
    assert Service.history.count() == history


def test_the_loader_reads_a_file_given_on_the_command_line(offices, tmp_path):
    import yaml
    from django.core.management import call_command

    path = tmp_path / "katalog.yaml"
    path.write_text(yaml.safe_dump(small_catalogue(), allow_unicode=True), encoding="utf-8")
    call_command("load_catalogue", file=str(path))
    assert Service.objects.count() == 5
    load_catalogue(path)
    assert Service.objects.count() == 5
