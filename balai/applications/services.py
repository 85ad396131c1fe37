"""Writes for applications: submit, transition (the only way a status changes), attachments.
Surveys and complaints live in ``feedback.py``."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.models import Office
from balai.core.uploads import MAX_UPLOAD_BYTES, upload_check

from . import deadlines
from .hooks import run_transition_hooks
from .models import Application, ApplicationEvent, Attachment, Channel, new_reference
from .workflows import (
    DONE,
    REJECT,
    REJECTED,
    RESUBMIT,
    RETURN,
    RETURNED,
    TERMINAL,
    get_workflow,
    status_label,
)

# --- offices ---------------------------------------------------------------------------------

def district_code(village_code: str) -> str:
    return ".".join(village_code.split(".")[:3]) if village_code else ""


def office_for_scope(application, scope: str):
    if scope == "village":
        if not application.village_id:
            return None
        return Office.objects.filter(region_id=application.village_id, kind=Office.Kind.VILLAGE).first()
    if scope == "district":
        if not application.village_id:
            return None
        return Office.objects.filter(region_id=district_code(application.village_id),
                                     kind=Office.Kind.DISTRICT).first()
    if scope == "agency":
        return application.agency
    if scope == "hall":
        if application.intake_office_id and application.intake_office.kind == Office.Kind.HALL:
            return application.intake_office
        return Office.objects.filter(kind=Office.Kind.HALL, code="mpp").first() or \
            Office.objects.filter(kind=Office.Kind.HALL).first()
    raise ValueError(scope)


def membership_matches(membership, application, actor) -> bool:
    """Does this membership fill the actor slot (scope + role) for this application?"""
    if membership is None or membership.role not in actor.roles:
        return False
    office = membership.office
    if actor.scope == "village":
        return office.kind == Office.Kind.VILLAGE and bool(application.village_id) \
            and office.region_id == application.village_id
    if actor.scope == "district":
        return office.kind == Office.Kind.DISTRICT and bool(application.village_id) \
            and office.region_id == district_code(application.village_id)
    if actor.scope == "agency":
        return office.pk == application.agency_id
    if actor.scope == "hall":
        return office.kind == Office.Kind.HALL
    return False


def acting_office(application, status=None):
    """The office that must act on the application in ``status`` (None when nothing is pending)."""
    status = status or application.status
    if status in TERMINAL or status == RETURNED:
        return None
    steps = get_workflow(application.workflow).steps_from(status)
    if not steps:
        return None
    actors = steps[0].actors
    if application.channel == Channel.COUNTER and any(a.scope == "hall" for a in actors):
        return office_for_scope(application, "hall")
    return office_for_scope(application, actors[0].scope)


def is_intake_officer(membership, application) -> bool:
    """The officer who may resubmit on the citizen's behalf: village operator or hall counter officer."""
    if membership is None:
        return False
    if application.channel == Channel.VILLAGE or (application.village_id and application.channel == Channel.ONLINE):
        from .workflows import VILLAGE_OPERATOR
        if membership_matches(membership, application, VILLAGE_OPERATOR):
            return True
    from .workflows import HALL_COUNTER
    return application.channel == Channel.COUNTER and membership_matches(membership, application, HALL_COUNTER)


def is_own_application(user, application) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if application.submitted_by_id == user.pk and getattr(user, "is_citizen", False):
        return True
    person = getattr(user, "person", None) if getattr(user, "is_citizen", False) else None
    return person is not None and application.applicant_id == person.pk


def allowed_actions(application, *, user=None, membership=None):
    """[(action, label)] the user may take now, in the order to show them."""
    actions = []
    if application.status == RETURNED:
        if is_own_application(user, application) or is_intake_officer(membership, application):
            actions.append((RESUBMIT, _("Kirim ulang setelah diperbaiki")))
        return actions
    if application.status in TERMINAL:
        return actions
    workflow = get_workflow(application.workflow)
    can_act_here = False
    for step in workflow.steps_from(application.status):
        if any(membership_matches(membership, application, a) for a in step.actors):
            actions.append((step.action, step.label))
            can_act_here = True
    if can_act_here and application.status not in DONE:
        actions.append((RETURN, _("Kembalikan untuk diperbaiki")))
        actions.append((REJECT, _("Tolak")))
    return actions


# --- form data -------------------------------------------------------------------------------

def validate_form_data(form_fields, data) -> dict:
    """Clean ``data`` against the service's ``form_fields``; raise ValidationError({field: message})."""
    data = data or {}
    cleaned, errors = {}, {}
    for field in form_fields or []:
        name, kind = field["name"], field.get("type", "text")
        label = field.get("label") or name
        raw = data.get(name, "")
        raw = "" if raw is None else str(raw).strip()
        if not raw:
            if field.get("required"):
                errors[name] = _("“%(label)s” wajib diisi.") % {"label": label}
            continue
        if kind == "number":
            try:
                cleaned[name] = int(raw)
            except ValueError:
                errors[name] = _("“%(label)s” harus berupa angka.") % {"label": label}
        elif kind == "date":
            try:
                cleaned[name] = dt.date.fromisoformat(raw).isoformat()
            except ValueError:
                errors[name] = _("“%(label)s” harus tanggal (TTTT-BB-HH).") % {"label": label}
        elif kind == "choice":
            choices = [c if isinstance(c, str) else str(c[0]) for c in field.get("choices") or []]
            if raw not in choices:
                errors[name] = _("Pilihan “%(label)s” tidak tersedia.") % {"label": label}
            else:
                cleaned[name] = raw
        elif kind == "nik":
            if len(raw) != 16 or not raw.isdigit():
                errors[name] = _("“%(label)s” harus 16 angka NIK.") % {"label": label}
            else:
                cleaned[name] = raw
        else:
            limit = 2000 if kind == "textarea" else 300
            if len(raw) > limit:
                errors[name] = _("“%(label)s” terlalu panjang.") % {"label": label}
            else:
                cleaned[name] = raw
    if errors:
        raise ValidationError(errors)
    return cleaned


# --- attachments -----------------------------------------------------------------------------

def attachment_add(*, application, requirement: str, upload, user=None) -> Attachment:
    """Check an uploaded file (``balai.core.uploads``: size, type by content, images really open) and
    keep it with the application."""
    checked = upload_check(upload, max_bytes=MAX_UPLOAD_BYTES)
    attachment = Attachment(application=application, requirement=requirement[:200], extension=checked.extension,
                            original_name=checked.original_name, size=checked.size, sha256=checked.sha256,
                            uploaded_by=user)
    attachment.file.save("upload", ContentFile(checked.content), save=False)
    attachment.save()
    return attachment


# --- submit ----------------------------------------------------------------------------------

def application_submit(*, service, channel, data, applicant=None, applicant_name="", applicant_nik="",
                       applicant_birth_date=None, applicant_email="", applicant_phone="", village=None,
                       user=None, membership=None, idempotency_key=None, uploads=None) -> Application:
    """Create one application; a repeated ``idempotency_key`` returns the first one unchanged."""
    if idempotency_key:
        existing = Application.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    if not service.is_active:
        raise ValidationError(_("Layanan ini sedang tidak dibuka."))
    if service.channels and channel not in service.channels:
        raise ValidationError(_("Layanan ini tidak dapat diajukan melalui kanal ini."))
    cleaned = validate_form_data(service.form_fields, data)
    if applicant is not None:
        applicant_name = applicant.name
        applicant_nik = applicant.nik
        applicant_birth_date = applicant.birth_date
        applicant_email = applicant_email or applicant.email
        applicant_phone = applicant_phone or applicant.phone
        village = applicant.village
    if not applicant_name:
        raise ValidationError(_("Nama pemohon wajib diisi."))
    if service.workflow != "agency" and village is None:
        raise ValidationError(_("Layanan ini diproses di desa: pemohon harus penduduk yang terdaftar."))
    uploads = uploads or {}
    missing = [r["name"] for r in service.upload_requirements if not uploads.get(r["name"])]
    if missing:
        raise ValidationError(_("Berkas wajib belum diunggah: %(names)s.") % {"names": ", ".join(missing)})
    intake = membership.office if membership is not None else None
    try:
        with transaction.atomic():
            application = Application(
                service=service, agency=service.agency, workflow=service.workflow, applicant=applicant,
                applicant_name=applicant_name, applicant_nik=applicant_nik or "",
                applicant_birth_date=applicant_birth_date, applicant_email=applicant_email or "",
                applicant_phone=applicant_phone or "", village=village, channel=channel, intake_office=intake,
                submitted_by=user if user is not None and user.is_authenticated else None, data=cleaned,
                idempotency_key=idempotency_key or None, due_date=deadlines.local_today(),
            )
            application.due_date = deadlines.due_date_for(application, deadlines.local_today())
            application.current_office = acting_office(application, "submitted")
            _save_with_unique_reference(application)
            for requirement, upload in uploads.items():
                if upload:
                    attachment_add(application=application, requirement=requirement, upload=upload, user=user)
            ApplicationEvent.objects.create(
                application=application, actor=application.submitted_by,
                actor_name=_actor_name(user), office=intake, role=membership.role if membership else "",
                action="submit", from_status="", to_status="submitted",
            )
            _queue_notifications(application, "submitted")
    except IntegrityError:
        if idempotency_key:
            existing = Application.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing  # the same submission won a race with this one
        raise
    return application


def _save_with_unique_reference(application, tries=8):
    for _attempt in range(tries):
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            if application.idempotency_key and Application.objects.filter(
                    idempotency_key=application.idempotency_key).exists():
                raise
            application.reference = new_reference()
    raise IntegrityError("no free reference")


def _actor_name(user):
    if user is None or not user.is_authenticated:
        return ""
    return user.display_name()


# --- transitions -----------------------------------------------------------------------------

def application_transition(*, application, action: str, user=None, membership=None, note: str = "",
                           signer_options: dict | None = None) -> Application:
    """Move ``application`` by ``action``; refuse with an Indonesian message when the action is not
    allowed now, for this person, or when someone else moved it first. ``signer_options`` (the signer's
    NIK and passphrase for an external signing service) go to the hooks and nowhere else."""
    note = (note or "").strip()
    expected = application.status
    permitted = dict(allowed_actions(application, user=user, membership=membership))
    if action not in permitted:
        step = next((st for st in get_workflow(application.workflow).steps if st.action == action), None)
        if step is not None and step.source != expected:
            raise ValidationError(_("Tindakan “%(action)s” tidak dapat dilakukan karena permohonan berstatus "
                                    "“%(status)s”.") % {"action": step.label, "status": status_label(expected)})
        raise ValidationError(_("Anda tidak dapat melakukan tindakan ini pada permohonan berstatus “%(status)s”.")
                              % {"status": status_label(expected)})
    if action in {RETURN, REJECT} and not note:
        raise ValidationError(_("Tuliskan alasannya agar pemohon tahu apa yang harus dilakukan."))
    today = deadlines.local_today()
    now = timezone.now()
    updates = {"updated_at": now}
    if user is not None and user.is_authenticated and membership is not None:
        updates["assignee"] = user
    if action == RETURN:
        target = RETURNED
        updates.update(returned_from=expected, paused_since=today)
    elif action == REJECT:
        target = REJECTED
        updates.update(completed_at=now)
    elif action == RESUBMIT:
        target = application.returned_from or "submitted"
        paused = deadlines.pause_length(application, today)
        updates.update(returned_from="", paused_since=None, paused_days=application.paused_days + paused,
                       due_date=deadlines.calendar_for(application).add_working_days(application.due_date, paused))
    else:
        target = get_workflow(application.workflow).step(expected, action).target
        if target in DONE and not application.completed_at:
            updates["completed_at"] = now
    with transaction.atomic():
        changed = Application.objects.filter(pk=application.pk, status=expected).update(status=target, **updates)
        if not changed:
            current = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
            raise ValidationError(_("Permohonan ini sudah diproses oleh petugas lain (status sekarang: “%(status)s”). "
                                    "Muat ulang halaman.") % {"status": status_label(current or "")})
        for key, value in updates.items():
            setattr(application, key, value)
        application.status = target
        office = acting_office(application, target)
        Application.objects.filter(pk=application.pk).update(current_office=office)
        application.current_office = office
        run_transition_hooks(application=application, from_status=expected, to_status=target, actor=user,
                             membership=membership, action=action, signer_options=signer_options)
        ApplicationEvent.objects.create(
            application=application, actor=user if user is not None and user.is_authenticated else None,
            actor_name=_actor_name(user), office=membership.office if membership else None,
            role=membership.role if membership else "", action=action, from_status=expected, to_status=target,
            note=note,
        )
        _queue_notifications(application, target, note=note)
    return application


def _queue_notifications(application, status, note=""):
    from .notifications import queue_status_notifications

    queue_status_notifications(application, status, note=note)


__all__ = ["application_submit", "application_transition", "attachment_add", "allowed_actions",
           "validate_form_data", "acting_office", "REJECTED"]
