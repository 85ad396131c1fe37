from tests.support.world import VILLAGE

from . import PUBLIC

# The walker's application: a Desa Sarongan resident's Dispendukcapil service (village → kecamatan →
# agency), submitted by the test citizen, who is linked to the resident.
SCOPE_OF_APPLICATION = {"citizen", "operator", "secretary", "head", "verifier", "district_head", "agency_officer",
                        "counter_officer", "administrator", "auditor", "viewer"}
STAFF = {"operator", "secretary", "head", "other_operator", "verifier", "district_head", "agency_officer",
         "counter_officer", "administrator", "auditor", "viewer"}

EXPECTED = {
    "applications:apply": {"citizen", "operator", "other_operator", "counter_officer"},
    "applications:detail": SCOPE_OF_APPLICATION,
    "applications:transition": SCOPE_OF_APPLICATION,
    "applications:upload": SCOPE_OF_APPLICATION,
    "applications:attachment": SCOPE_OF_APPLICATION,
    "applications:mine": {"citizen"},
    "applications:track": PUBLIC,
    "applications:queue": STAFF,
    "applications:sla": STAFF,
    "applications:kiosk": PUBLIC,
    "applications:kiosk_enroll": {"counter_officer"},
    "applications:survey": PUBLIC,
    "applications:ikm": PUBLIC,
    "applications:complaint_new": PUBLIC,
    "applications:complaint_view": PUBLIC,
    "applications:complaints": STAFF,
    # The complaint is routed to Dispendukcapil: its staff and the regency government.
    "applications:complaint_detail": {"agency_officer", "administrator", "auditor", "viewer"},
    "application-list": SCOPE_OF_APPLICATION | {"other_operator"},
    "application-detail": SCOPE_OF_APPLICATION,
    "application-transition": SCOPE_OF_APPLICATION,
    "survey-results": PUBLIC,
    "complaint-list": PUBLIC,
    "complaint-detail": PUBLIC,
}


def SETUP(world):
    if "application" in world.extra:
        return
    from django.core.files.uploadedfile import SimpleUploadedFile

    from balai.applications.feedback import complaint_file
    from balai.applications.services import attachment_add
    from tests.applications.factories import make_person, make_service, submit

    service = make_service("walker-kk", workflow="village_to_agency")
    person = make_person(VILLAGE, user=world.users["citizen"])
    application = submit(service, person, channel="online", user=world.users["citizen"])
    pdf = SimpleUploadedFile("ktp.pdf", b"%PDF-1.4\n%walker\n", content_type="application/pdf")
    world.extra["application"] = application
    world.extra["attachment"] = attachment_add(application=application, requirement="KTP", upload=pdf)
    world.extra["complaint"] = complaint_file(subject="Lama", body="Belum selesai", application=application)


def _app(world):
    return {"public_id": world.extra["application"].public_id}


PARAMS = {
    "applications:apply": lambda world: {"service_code": "walker-kk"},
    "applications:detail": _app,
    "applications:transition": _app,
    "applications:upload": _app,
    "applications:attachment": lambda world: {"public_id": world.extra["application"].public_id,
                                              "file_id": world.extra["attachment"].public_id},
    "applications:survey": lambda world: {"token": world.extra["application"].survey_token},
    "applications:complaint_view": lambda world: {"token": world.extra["complaint"].token},
    "applications:complaint_detail": lambda world: {"public_id": world.extra["complaint"].public_id},
    "application-detail": _app,
    "application-transition": _app,
    "complaint-detail": lambda world: {"token": world.extra["complaint"].token},
}
