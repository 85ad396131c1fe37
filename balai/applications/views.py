import datetime as dt
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from balai.accounts import permissions as perms
from balai.accounts.models import Office
from balai.core.access import allow, public
from balai.core.audit import log_access
from balai.core.ratelimit import attempt_allowed, too_many_attempts_message
from balai.core.uploads import file_response
from balai.registry.selectors import persons_visible_to
from balai.services.models import Service

from . import feedback, kiosks, selectors
from .forms import SurveyForm
from .hooks import signing_needs_passphrase, status_links
from .models import (
    SKM_ELEMENTS,
    Application,
    Attachment,
    Complaint,
    SurveyResponse,
    normalise_reference,
)
from .services import allowed_actions, application_submit, application_transition, attachment_add
from .workflows import COLLECTED, DONE, PAUSED, REJECTED, TERMINAL, WALK_IN, get_workflow, status_label

apply_access = perms.citizen | (perms.operator & perms.at_village) | (perms.counter_officer & perms.at_hall)
staff_or_citizen = perms.staff | perms.citizen


def _error_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(str(m) for msgs in error.message_dict.values() for m in msgs)
    return " ".join(str(m) for m in error.messages)


def _channel_for(request):
    membership = getattr(request, "membership", None)
    if membership is None:
        return "online"
    return "village" if membership.office.kind == Office.Kind.VILLAGE else "counter"


@allow(apply_access)
def apply(request, service_code):
    """Apply for a service: the citizen for themself, a village operator for a resident of their
    village (found by NIK), a counter officer at the hall (registry resident or visitor)."""
    service = get_object_or_404(Service.objects.select_related("agency"), code=service_code, is_active=True)
    channel = _channel_for(request)
    membership = request.membership
    offered = not service.channels or channel in service.channels
    applicant, lookup_error = None, ""
    if channel == "online":
        applicant = getattr(request.user, "person", None)
    else:
        nik = (request.POST.get("applicant_nik") or request.GET.get("nik") or "").strip()
        if nik:
            applicant = persons_visible_to(request).filter(nik=nik).select_related("village").first()
            if applicant is None:
                lookup_error = _("NIK tidak ditemukan di wilayah Anda.")
            else:
                log_access(request, obj=applicant, label=applicant.name, region_code=applicant.village_id,
                           action="search")
    visitor_allowed = channel == "counter" and get_workflow(service.workflow).has(WALK_IN)
    values, errors = {}, {}
    if request.method == "POST" and offered:
        values = {f["name"]: request.POST.get("f_" + f["name"], "") for f in service.form_fields}
        uploads = {r["name"]: request.FILES.get(f"req_{i}") for i, r in enumerate(service.requirements)
                   if request.FILES.get(f"req_{i}")}
        visitor = {}
        if applicant is None and visitor_allowed:
            birth = request.POST.get("visitor_birth_date") or ""
            try:
                birth_date = dt.date.fromisoformat(birth) if birth else None
            except ValueError:
                birth_date = None
            visitor = {"applicant_name": request.POST.get("visitor_name", "").strip()[:160],
                       "applicant_nik": request.POST.get("visitor_nik", "").strip()[:16],
                       "applicant_birth_date": birth_date}
        if applicant is None and not visitor:
            messages.error(request, _("Pemohon belum dipilih: cari penduduk dengan NIK."))
        else:
            try:
                application = application_submit(
                    service=service, channel=channel, data=values, applicant=applicant, user=request.user,
                    membership=membership, idempotency_key=request.POST.get("idempotency_key") or None,
                    applicant_email=request.POST.get("email", "").strip()[:254],
                    applicant_phone=request.POST.get("phone", "").strip()[:20], uploads=uploads, **visitor)
            except ValidationError as error:
                errors = error.message_dict if hasattr(error, "error_dict") else {}
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("Permohonan terkirim. Nomor permohonan: %(ref)s") %
                                 {"ref": application.reference})
                return redirect("applications:detail", public_id=application.public_id)
    return render(request, "applications/apply.html", {
        "service": service, "channel": channel, "offered": offered, "applicant": applicant,
        "lookup_error": lookup_error, "visitor_allowed": visitor_allowed, "values": values, "errors": errors,
        "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
        "fields": [{**f, "value": values.get(f["name"], ""), "error": (errors.get(f["name"]) or [""])[0]}
                   for f in service.form_fields],
        "requirements": list(enumerate(service.requirements)),
    })


def _application_for(request, public_id):
    application = get_object_or_404(
        Application.objects.select_related("service", "agency", "current_office", "village"), public_id=public_id)
    if not selectors.can_see(request, application):
        raise PermissionDenied
    return application


def _steps(application):
    """The workflow as a list for the progress display: done / current / to come."""
    workflow = get_workflow(application.workflow)
    order = workflow.path
    current = application.returned_from if application.status in workflow.pauses_clock else application.status
    position = order.index(current) if current in order else -1
    return [{"label": status_label(s), "state": "done" if i < position else ("current" if i == position else "todo")}
            for i, s in enumerate(order)]


def _next_hint(application):
    if application.status == REJECTED:
        return _("Permohonan ditolak. Alasan tertulis di riwayat di bawah.")
    if application.status == COLLECTED:
        return _("Selesai. Terima kasih telah menggunakan layanan kami.")
    # the step that waits here says what happens next (from "returned": the resubmit step)
    steps = get_workflow(application.workflow).steps_from(application.status)
    return steps[0].next_hint if steps else ""


@allow(staff_or_citizen)
def detail(request, public_id):
    application = _application_for(request, public_id)
    if request.membership is not None:
        log_access(request, obj=application, label=f"{application.reference} {application.applicant_name}",
                   region_code=application.village_id or "")
    events = list(application.events.select_related("office"))
    actions = allowed_actions(application, user=request.user, membership=request.membership)
    return render(request, "applications/detail.html", {
        "app": application, "events": events, "steps": _steps(application), "next_hint": _next_hint(application),
        "attachments": list(application.attachments.all()),
        "actions": actions,
        "sign_passphrase": any(action == "sign" for action, _label in actions) and signing_needs_passphrase(),
        "sla": application.sla_state(), "can_upload": application.status in PAUSED or request.membership is not None,
        "requirements": application.service.requirements,
        "has_survey": SurveyResponse.objects.filter(application=application).exists(),
        "links": status_links(application),
    })


@allow(staff_or_citizen)
@require_POST
@sensitive_post_parameters("sign_passphrase")
def transition(request, public_id):
    application = _application_for(request, public_id)
    action = request.POST.get("action", "")
    signer_options = None
    if action == "sign" and signing_needs_passphrase():  # an external signing service (BSrE)
        signer_options = {"nik": request.POST.get("sign_nik", "").strip(),
                          "passphrase": request.POST.get("sign_passphrase", "")}
    try:
        application_transition(application=application, action=action, user=request.user,
                               membership=request.membership, note=request.POST.get("note", ""),
                               signer_options=signer_options)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Status permohonan kini: %(status)s.") % {"status": application.status_label})
    return redirect("applications:detail", public_id=application.public_id)


@allow(staff_or_citizen)
@require_POST
def upload(request, public_id):
    application = _application_for(request, public_id)
    if request.membership is None and application.status not in PAUSED:
        messages.error(request, _("Berkas dapat ditambahkan saat permohonan dikembalikan untuk diperbaiki."))
    elif application.status in TERMINAL:
        messages.error(request, _("Permohonan sudah ditutup."))
    elif not request.FILES.get("file"):
        messages.error(request, _("Pilih berkas yang akan diunggah."))
    else:
        try:
            attachment_add(application=application, requirement=request.POST.get("requirement", "")[:200] or
                           _("Berkas tambahan"), upload=request.FILES["file"], user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Berkas tersimpan."))
    return redirect("applications:detail", public_id=application.public_id)


@allow(staff_or_citizen)
def attachment(request, public_id, file_id):
    application = _application_for(request, public_id)
    item = get_object_or_404(Attachment, application=application, public_id=file_id)
    if request.membership is not None:
        log_access(request, obj=item, label=f"{application.reference} {item.requirement}",
                   region_code=application.village_id or "", action="download")
    return file_response(item.file, content_type=item.content_type,
                         filename=f"{application.reference}-{item.pk}.{item.extension}")


@allow(perms.citizen)
def mine(request):
    rows = list(selectors.applications_visible_to(request).select_related(*selectors.LIST_RELATED)
                .order_by("-id")[:100])
    return render(request, "applications/mine.html", {"rows": rows})


@public
@never_cache  # personal data after the check: never kept in a cache
def track(request):
    """Public status page: reference + birth date, with "what happens next"."""
    application, error, status = None, "", 200
    if request.method == "POST" and not attempt_allowed(request, "track"):
        error, status = too_many_attempts_message("track"), 429
    elif request.method == "POST":
        reference = normalise_reference(request.POST.get("reference", ""))
        try:
            birth = dt.date.fromisoformat(request.POST.get("birth_date", ""))
        except ValueError:
            birth = None
        application = (Application.objects.select_related("service", "agency")
                       .filter(reference=reference, applicant_birth_date=birth).first() if birth else None)
        if application is None:
            error = _("Permohonan tidak ditemukan. Periksa nomor permohonan dan tanggal lahir.")
    context = {"app": application, "error": error}
    if application is not None:
        # Remember that this session proved reference + birth date (letters lets it download the letter).
        tracked = request.session.get("tracked_applications", [])
        if str(application.public_id) not in tracked:
            request.session["tracked_applications"] = [*tracked, str(application.public_id)][-20:]
        context["links"] = status_links(application)
        context.update(steps=_steps(application), next_hint=_next_hint(application), sla=application.sla_state(),
                       events=list(application.events.only("at", "to_status", "note", "action")),
                       has_survey=SurveyResponse.objects.filter(application=application).exists())
    return render(request, "applications/track.html", context, status=status)


ZERO = "00000000-0000-0000-0000-000000000000"
SLA_BADGES = {"on-track": ("success", _lazy("Sesuai jadwal")), "at-risk": ("warning", _lazy("Mendekati tenggat")),
              "breached": ("danger", _lazy("Melewati tenggat"))}


@allow(perms.staff)
def queue(request):
    tab = request.GET.get("tab", "new")
    if tab not in selectors.QUEUES:
        tab = "new"
    rows, cursor = selectors.work_queue(request.membership, tab, today=timezone.localdate(),
                                        after=request.GET.get("after") or None)
    today = timezone.localdate()
    detail_url = reverse("applications:detail", kwargs={"public_id": ZERO})  # one reverse() per page
    return render(request, "applications/queue.html", {
        "tab": tab, "tabs": [("new", _("Baru")), ("mine", _("Saya tangani")), ("due", _("Segera jatuh tempo")),
                             ("overdue", _("Terlambat"))],
        "rows": [{"app": a, "sla": SLA_BADGES[a.sla_state(today)], "url": detail_url.replace(ZERO, str(a.public_id))}
                 for a in rows], "cursor": cursor,
    })


@allow(perms.staff)
def sla(request):
    """SLA compliance per service and per agency, within the requester's scope."""
    scope = selectors.applications_visible_to(request)
    by_service = selectors.sla_summary(scope, "service__name")
    by_agency = selectors.sla_summary(scope, "agency__name")
    for row in by_service + by_agency:
        finished = row["on_time"] + row["late"]
        row["rate"] = round(100 * row["on_time"] / finished, 1) if finished else None
    return render(request, "applications/sla.html", {"by_service": by_service, "by_agency": by_agency})


@public
def survey(request, token):
    application = get_object_or_404(Application.objects.select_related("service"), survey_token=token)
    done = SurveyResponse.objects.filter(application=application).exists()
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and not done:
        try:
            feedback.survey_submit(**form.answers(), application=application)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
            done = True
    return render(request, "applications/survey.html", {
        "app": application, "done": done, "open": application.status in DONE, "form": form, "kiosk": False})


@public
def kiosk(request):
    """The hall's survey kiosk. Answers count only from a device the hall's staff enrolled
    (``kiosks``); elsewhere the page says so and stores nothing."""
    device = kiosks.kiosk_device(request.COOKIES.get(kiosks.KIOSK_COOKIE))
    services = list(Service.objects.active().only("code", "name").order_by("name"))
    thanks = False
    form = SurveyForm(request.POST or None)
    if request.method == "POST":
        service = Service.objects.filter(code=request.POST.get("service", "")).first()
        try:
            kiosks.kiosk_survey_submit(device=device, service=service, **form.answers())
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            thanks = True
    return render(request, "applications/survey.html", {
        "kiosk": True, "kiosk_hall": device["hall"] if device else None, "services": services, "thanks": thanks,
        "open": device is not None, "form": form,
        "can_enroll": perms.holds(perms.at_hall, getattr(request, "membership", None))})


@allow(perms.at_hall)
def kiosk_enroll(request):
    """Hall staff enrol the device they are using as a survey kiosk of their hall (a signed cookie)."""
    if request.method != "POST":
        return render(request, "applications/kiosk_enroll.html", {"hall": request.membership.office})
    value = kiosks.kiosk_enroll(actor=request.user, membership=request.membership)
    response = redirect("applications:kiosk")
    response.set_cookie(kiosks.KIOSK_COOKIE, value, max_age=kiosks.KIOSK_MAX_AGE, httponly=True, samesite="Lax",
                        secure=request.is_secure())
    messages.success(request, _("Perangkat ini kini kios survei %(hall)s. Keluar dari akun petugas sebelum "
                                "menyerahkannya ke pengunjung.") % {"hall": request.membership.office.name})
    return response


def _period(request):
    today = timezone.localdate()
    try:
        start = dt.date.fromisoformat(request.GET.get("dari", ""))
    except ValueError:
        start = today.replace(month=1, day=1)
    try:
        end = dt.date.fromisoformat(request.GET.get("sampai", ""))
    except ValueError:
        end = today
    return start, end


@public
def ikm(request):
    """Public IKM results (PermenPAN-RB 14/2017) per service, agency and hall for a period."""
    start, end = _period(request)
    qs = SurveyResponse.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
    return render(request, "applications/ikm.html", {
        "start": start, "end": end, "overall": feedback.ikm_for(qs), "elements": SKM_ELEMENTS,
        "by_service": feedback.ikm_by(qs.exclude(service=None), "service__name"),
        "by_agency": feedback.ikm_by(qs.exclude(agency=None), "agency__name"),
        "by_hall": feedback.ikm_by(qs.exclude(hall=None), "hall__name"),
    })


@public
def complaint_new(request):
    services = list(Service.objects.active().only("code", "name").order_by("name"))
    if request.method == "POST":
        application = None
        reference = normalise_reference(request.POST.get("reference", ""))
        if reference:
            application = Application.objects.select_related("service", "agency").filter(reference=reference).first()
        service = Service.objects.select_related("agency").filter(code=request.POST.get("service", "")).first()
        if reference and application is None:
            messages.error(request, _("Nomor permohonan tidak ditemukan."))
        else:
            try:
                complaint = feedback.complaint_file(
                    subject=request.POST.get("subject", ""), body=request.POST.get("body", ""), service=service,
                    application=application, anonymous=bool(request.POST.get("anonymous")),
                    name=request.POST.get("name", ""), contact=request.POST.get("contact", ""))
            except ValidationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("Pengaduan diterima. Simpan tautan halaman ini untuk melihat tanggapan."))
                return redirect("applications:complaint_view", token=complaint.token)
    return render(request, "applications/complaint_new.html", {"services": services, "post": request.POST})


@public
def complaint_view(request, token):
    complaint = get_object_or_404(Complaint.objects.select_related("office", "service"), token=token)
    return render(request, "applications/complaint_view.html", {"c": complaint})


@allow(perms.staff)
def complaints(request):
    rows, cursor = selectors.complaints_page(request.membership, after=request.GET.get("after") or None)
    return render(request, "applications/complaints.html", {"rows": rows, "cursor": cursor,
                                                            "today": timezone.localdate()})


@allow(perms.staff)
def complaint_detail(request, public_id):
    complaint = get_object_or_404(Complaint.objects.select_related("office", "service", "application"),
                                  public_id=public_id)
    if not selectors.complaints_for(request.membership).filter(pk=complaint.pk).exists():
        raise PermissionDenied
    can_answer = complaint.office_id == request.membership.office_id
    if request.method == "POST" and can_answer:
        try:
            feedback.complaint_answer(complaint=complaint, answer=request.POST.get("answer", ""), user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Tanggapan tersimpan dan dapat dilihat pelapor."))
            return redirect("applications:complaint_detail", public_id=complaint.public_id)
    return render(request, "applications/complaint_detail.html", {"c": complaint, "can_answer": can_answer})
