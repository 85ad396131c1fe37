from balai.applications.models import Complaint

from .factories import make_person, make_service, membership_of, submit


def test_a_complaint_is_routed_answered_and_shown_to_the_citizen_by_its_link(world):
    application = submit(make_service("akta", workflow="village_to_agency"), make_person(),
                         membership=membership_of(world, "operator"))
    anonymous = world.client("anonymous")
    response = anonymous.post("/pengaduan/", {"reference": application.reference, "subject": "Lambat",
                                              "body": "Sudah dua minggu", "anonymous": "1", "name": "Rahasia"})
    complaint = Complaint.objects.get()
    assert response["Location"] == f"/pengaduan/{complaint.token}/"
    assert (complaint.office.code, complaint.anonymous, complaint.name) == ("dispendukcapil", True, "")
    assert complaint.response_due > complaint.created_at.date()
    assert world.client("operator").get(f"/pengaduan-masuk/{complaint.public_id}/").status_code == 403
    world.client("agency_officer").post(f"/pengaduan-masuk/{complaint.public_id}/", {"answer": "Sudah kami proses."})
    assert "Sudah kami proses." in anonymous.get(f"/pengaduan/{complaint.token}/").content.decode()
