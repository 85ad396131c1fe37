"""Demo applications for Desa Sarongan and the MPP, a few SKM answers and a complaint. Idempotent:
every demo application carries an idempotency key ``demo-…``, so a second run finds them."""

from django.core.exceptions import ValidationError

from balai.accounts.models import Membership, Office, Role
from balai.registry.models import Person
from balai.services.models import Service

from .feedback import complaint_file, survey_submit
from .models import Application, Complaint, SurveyResponse
from .services import application_submit, application_transition
from .workflows import AGENCY, VILLAGE_LETTER

SARONGAN = "35.10.01.2001"
# (key, workflow, channel, steps taken after submission as (role, office kind, action))
PLAN = [
    ("demo-1", VILLAGE_LETTER, "village", []),
    ("demo-2", VILLAGE_LETTER, "village", [(Role.OPERATOR, "village", "verify")]),
    ("demo-3", VILLAGE_LETTER, "village", [(Role.OPERATOR, "village", "verify"),
                                             (Role.SECRETARY, "village", "return")]),
    ("demo-4", AGENCY, "counter", []),
    ("demo-5", AGENCY, "counter", [(Role.COUNTER_OFFICER, "hall", "process")]),
]


def _membership(role, kind, service):
    qs = Membership.objects.select_related("office", "user").filter(role=role, is_active=True)
    if kind == "village":
        qs = qs.filter(office__region_id=SARONGAN, office__kind=Office.Kind.VILLAGE)
    elif kind == "hall":
        qs = qs.filter(office__kind=Office.Kind.HALL)
    else:
        qs = qs.filter(office=service.agency)
    return qs.first()


def _form_data(service):
    data = {}
    for field in service.form_fields:
        kind = field.get("type")
        if kind == "number":
            data[field["name"]] = "1"
        elif kind == "date":
            data[field["name"]] = "2026-01-15"
        elif kind == "choice":
            first = (field.get("choices") or [""])[0]
            data[field["name"]] = first if isinstance(first, str) else str(first[0])
        elif kind == "nik":
            data[field["name"]] = "3510010101900001"
        else:
            data[field["name"]] = "Keperluan contoh"
    return data


def demo_step(*, stdout=None, people=0, seed=2026) -> str:
    residents = list(Person.objects.filter(village_id=SARONGAN).order_by("id")[:6])
    if not residents:
        return "tidak ada penduduk demo"
    warga = Person.objects.filter(user__username="warga").first()
    if warga is not None:
        residents = [warga] + [p for p in residents if p.pk != warga.pk]
    created = 0
    for index, (key, workflow, channel, steps) in enumerate(PLAN):
        if Application.objects.filter(idempotency_key=key).exists():
            continue
        candidates = Service.objects.active().filter(workflow=workflow).order_by("order", "id")
        service = next((s for s in candidates if not s.upload_requirements and (not s.channels or channel in s.channels)),
                       None)
        if service is None:
            continue
        intake = _membership(Role.OPERATOR if channel == "village" else Role.COUNTER_OFFICER,
                             "village" if channel == "village" else "hall", service)
        person = residents[index % len(residents)]
        try:
            application = application_submit(service=service, channel=channel, data=_form_data(service),
                                             applicant=person, user=intake.user if intake else None,
                                             membership=intake, idempotency_key=key)
            for role, kind, action in steps:
                actor = _membership(role, kind, service)
                application_transition(application=application, action=action, user=actor.user if actor else None,
                                       membership=actor, note="Lengkapi foto KK" if action == "return" else "")
        except (ValidationError, AttributeError) as error:
            if stdout:
                stdout.write(f"  permohonan demo {key} dilewati: {error}")
            continue
        created += 1
    surveys = 0
    if not SurveyResponse.objects.filter(comment__startswith="[demo]").exists():
        hall = Office.objects.filter(kind=Office.Kind.HALL).order_by("code").first()
        service = Service.objects.active().filter(workflow=AGENCY).order_by("order", "id").first()
        for row in ([4, 4, 3, 3, 4, 3, 4, 3, 3], [3, 3, 3, 4, 3, 3, 3, 3, 4], [4, 3, 3, 4, 3, 4, 4, 3, 3],
                    [3, 4, 2, 4, 3, 3, 4, 3, 3]):
            survey_submit(scores={f"u{i + 1}": v for i, v in enumerate(row)}, service=service, hall=hall,
                          comment="[demo] contoh jawaban kios")
            surveys += 1
    if not Complaint.objects.filter(subject__startswith="[demo]").exists():
        service = Service.objects.active().filter(workflow=AGENCY).order_by("order", "id").first()
        if service is not None:
            complaint_file(subject="[demo] Antrean terlalu lama", body="Saya menunggu dua jam di loket.",
                           service=service, anonymous=True)
    return f"{created} permohonan demo, {surveys} jawaban SKM"
