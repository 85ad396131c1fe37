from balai.applications.demo import demo_step
from balai.applications.models import Application, Complaint, SurveyResponse

from .factories import make_person, make_service


def test_the_demo_step_creates_sample_applications_once(world):
    make_service("sktm")
    make_service("ktp-el", workflow="agency")
    for name in ("Ani", "Budi", "Citra"):
        make_person(name=name)
    first = demo_step(stdout=None)
    counts = (Application.objects.count(), SurveyResponse.objects.count(), Complaint.objects.count())
    assert counts == (5, 4, 1), first
    assert set(Application.objects.values_list("status", flat=True)) == {"submitted", "verified", "returned",
                                                                        "processing"}
    demo_step(stdout=None)
    assert (Application.objects.count(), SurveyResponse.objects.count(), Complaint.objects.count()) == counts
