"""SKM survey (PermenPAN-RB 14/2017) and complaints.

IKM method (the regulation, as in docs/applications.md):
* per element i (U1..U9): NRR_i = sum of scores / number of respondents;
* IKM (1–4 scale) = Σ NRR_i × weight, weight = 1/9 (exact; the regulation prints 0.111);
* converted IKM = IKM × 25 (25–100);
* grade on the converted value rounded to two decimals: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D.
Both the exact-weight and the 0.111-weight values are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.accounts.models import Office
from balai.core.calendar import WorkCalendar

from .models import Complaint, SurveyResponse
from .workflows import DONE, VILLAGE_OWNED, get_workflow

ELEMENTS = [f"u{i}" for i in range(1, 10)]
PRINTED_WEIGHT = Decimal("0.111")
GRADES = [
    (Decimal("88.31"), "A", gettext_lazy("Sangat Baik")),
    (Decimal("76.61"), "B", gettext_lazy("Baik")),
    (Decimal("65.00"), "C", gettext_lazy("Kurang Baik")),
    (Decimal("25.00"), "D", gettext_lazy("Tidak Baik")),
]
COMPLAINT_RESPONSE_WORKING_DAYS = 5


@dataclass
class IkmResult:
    respondents: int
    nrr: dict  # element -> Decimal (exact to 4 places)
    ikm: Decimal  # 1–4 scale, weight 1/9, 4 places
    ikm_printed: Decimal  # 1–4 scale, weight 0.111, 4 places
    converted: Decimal  # × 25, 2 places
    converted_printed: Decimal
    grade: str
    grade_label: str


def _q(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def grade_for(converted: Decimal):
    for floor, letter, label in GRADES:
        if converted >= floor:
            return letter, str(label)
    return "D", str(GRADES[-1][2])


def ikm_from_sums(sums: dict, respondents: int) -> IkmResult | None:
    """IKM from the per-element sums of scores and the number of respondents."""
    if not respondents:
        return None
    nrr = {e: Decimal(sums[e]) / Decimal(respondents) for e in ELEMENTS}
    total = sum(nrr.values(), Decimal(0))
    ikm = total / Decimal(9)
    ikm_printed = total * PRINTED_WEIGHT
    converted = _q(ikm * 25, "0.01")
    letter, label = grade_for(converted)
    return IkmResult(respondents=respondents, nrr={e: _q(v, "0.0001") for e, v in nrr.items()},
                     ikm=_q(ikm, "0.0001"), ikm_printed=_q(ikm_printed, "0.0001"), converted=converted,
                     converted_printed=_q(ikm_printed * 25, "0.01"), grade=letter, grade_label=label)


def ikm_for(queryset) -> IkmResult | None:
    """One aggregate query over SurveyResponse rows."""
    agg = queryset.aggregate(n=Count("id"), **{e: Sum(e) for e in ELEMENTS})
    return ikm_from_sums(agg, agg["n"])


def ikm_by(queryset, field: str):
    """[(group value, IkmResult)] grouped by ``field`` in one query."""
    rows = queryset.values(field).annotate(n=Count("id"), **{e: Sum(e) for e in ELEMENTS}).order_by(field)
    return [(row[field], ikm_from_sums(row, row["n"])) for row in rows]


def survey_submit(*, scores: dict, application=None, service=None, hall=None, comment="") -> SurveyResponse:
    values = {}
    for e in ELEMENTS:
        try:
            value = int(scores.get(e))
        except (TypeError, ValueError):
            value = 0
        if value not in (1, 2, 3, 4):
            raise ValidationError(_("Setiap unsur harus dinilai 1 sampai 4."))
        values[e] = value
    if application is not None:
        if application.status not in DONE:
            raise ValidationError(_("Survei dapat diisi setelah permohonan selesai."))
        service = application.service
    response = SurveyResponse(application=application, service=service, agency=service.agency if service else None,
                              hall=hall, source="kiosk" if application is None else "online",
                              comment=(comment or "")[:2000], **values)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as exc:
        raise ValidationError(_("Survei untuk permohonan ini sudah diisi. Terima kasih.")) from exc
    return response


def complaint_route(*, service=None, application=None):
    """The office that must answer: the village office for village letters, else the service's agency,
    else the service hall."""
    if application is not None:
        if get_workflow(application.workflow).has(VILLAGE_OWNED) and application.village_id:
            office = Office.objects.filter(region_id=application.village_id, kind=Office.Kind.VILLAGE).first()
            if office:
                return office
        return application.agency
    if service is not None:
        return service.agency
    return Office.objects.filter(kind=Office.Kind.HALL).order_by("code").first()


def complaint_file(*, subject, body, service=None, application=None, anonymous=False, name="", contact="") -> Complaint:
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise ValidationError(_("Perihal dan isi pengaduan wajib diisi."))
    office = complaint_route(service=service, application=application)
    if office is None:
        raise ValidationError(_("Belum ada kantor yang dapat menerima pengaduan."))
    today = timezone.localdate()
    due = WorkCalendar(office.work_week, office.region_id).add_working_days(today, COMPLAINT_RESPONSE_WORKING_DAYS)
    return Complaint.objects.create(
        subject=subject[:200], body=body[:5000], service=service or (application.service if application else None),
        application=application, office=office, anonymous=anonymous, name="" if anonymous else name[:160],
        contact="" if anonymous else contact[:160], response_due=due)


def complaint_answer(*, complaint, answer, user) -> Complaint:
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(_("Tanggapan tidak boleh kosong."))
    complaint.answer = answer
    complaint.status = Complaint.Status.ANSWERED
    complaint.answered_at = timezone.now()
    complaint.answered_by = user
    complaint.save(update_fields=["answer", "status", "answered_at", "answered_by"])
    return complaint
