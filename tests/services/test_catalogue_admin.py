from balai.services.models import Service
from tests.services.catalogue_data import load_small_catalogue


def test_an_administrator_edits_a_service_standard_in_the_admin(world):
    load_small_catalogue()
    service = Service.objects.get(code="skck")
    client = world.client("administrator")
    page = client.get(f"/admin/services/service/{service.pk}/change/")
    assert page.status_code == 200
    assert 'name="requirements"' in page.content.decode() and 'name="form_fields"' in page.content.decode()
    form = {
        "code": "skck", "name": service.name, "agency": service.agency_id, "level": "agency",
        "description": service.description, "is_active": "on", "order": 3,
        "requirements": '[{"name": "KTP-el", "upload": false}, {"name": "Pas foto 4x6", "upload": true}]',
        "conditions": "", "legal_basis": "PP 76/2020", "processing_days": 1, "fee": 30000, "fee_note": "",
        "output": "SKCK", "channels": '["online", "counter"]', "contact": "", "form_fields": "[]",
        "workflow": "agency", "letter_type": "",
    }
    response = client.post(f"/admin/services/service/{service.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    service.refresh_from_db()
    assert service.requirements[1] == {"name": "Pas foto 4x6", "upload": True}
    assert service.history.count() == 2


def test_the_admin_refuses_an_unknown_channel(world):
    load_small_catalogue()
    service = Service.objects.get(code="kia")
    client = world.client("administrator")
    form = {
        "code": "kia", "name": service.name, "agency": service.agency_id, "level": "agency", "description": "",
        "is_active": "on", "order": 1, "requirements": "[]", "conditions": "", "legal_basis": "", "processing_days": 1,
        "fee": 0, "fee_note": "", "output": "", "channels": '["merpati"]', "contact": "", "form_fields": "[]",
        "workflow": "agency", "letter_type": "",
    }
    response = client.post(f"/admin/services/service/{service.pk}/change/", form)
    assert response.status_code == 200 and "Kanal hanya boleh" in response.content.decode()
    service.refresh_from_db()
    assert service.channels == ["counter"]
