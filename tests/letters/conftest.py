"""Letters test fixtures."""

import pytest

from balai.applications.services import application_submit, application_transition
from tests.letters.factories import load_letter_services, make_resident, membership, uploads_for


@pytest.fixture
def application(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services = load_letter_services(("sktm",))
    person = make_resident()
    app = application_submit(service=services["sktm"], channel="village", applicant=person,
                             data={"keperluan": "Keringanan biaya rawat inap di RSUD Blambangan", "penghasilan": 900000,
                                   "tanggungan": 4},
                             uploads=uploads_for(services["sktm"]), user=world.user("operator"),
                             membership=membership(world, "operator"))
    for role, action in (("operator", "verify"), ("secretary", "check")):
        app = application_transition(application=app, action=action, user=world.user(role),
                                     membership=membership(world, role))
    return app
