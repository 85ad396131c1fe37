from balai.applications.models import Application

from .factories import make_person, make_service


def test_the_api_lets_a_citizen_apply_once_and_staff_move_it(world):
    citizen = world.users["citizen"]
    make_person(user=citizen)
    make_service("sktm")
    client = world.client("citizen")
    body = {"service": "sktm", "data": {"keperluan": "Sekolah"}}
    first = client.post("/api/v1/applications/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    again = client.post("/api/v1/applications/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    assert first.status_code == again.status_code == 201
    assert first.json()["reference"] == again.json()["reference"] and Application.objects.count() == 1
    public_id = first.json()["public_id"]
    operator = world.client("operator")
    wrong = operator.post(f"/api/v1/applications/{public_id}/transitions/", {"action": "sign"})
    assert wrong.status_code == 409 and "tidak dapat dilakukan" in str(wrong.json())
    moved = operator.post(f"/api/v1/applications/{public_id}/transitions/", {"action": "verify"})
    assert moved.status_code == 200 and moved.json()["status"] == "verified"
    assert [e["to_status"] for e in moved.json()["events"]] == ["submitted", "verified"]


def test_the_openapi_schema_lists_applications_transitions_surveys_and_complaints(world):
    schema = world.client("anonymous").get("/api/schema/").content.decode()
    for path in ("/api/v1/applications/", "/api/v1/applications/{public_id}/transitions/",
                 "/api/v1/survey-results/", "/api/v1/complaints/{token}/"):
        assert path in schema
