"""Writes for applications: submit, transition (the only way a status changes), attachments.
Surveys and complaints live in ``feedback.py``."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.workflow_scopes import HALL as HALL_SCOPE
from balai.accounts.workflow_scopes import district_code  # noqa: F401  (kept importable from here)
from balai.core import workflow as engine
from balai.core.uploads import MAX_UPLOAD_BYTES, upload_check

from . import deadlines
from .models import Application, ApplicationEvent, Attachment, Channel, new_reference
from .workflows import (
    APPLICANT_SCOPE,
    HALL_COUNTER,
    INTAKE_SCOPE,
    SUBMITTED,
    VILLAGE_OPERATOR,
    WALK_IN,
    get_workflow,
)

# --- who acts ----------------------------------------------------------------------------------

def office_for_scope(application, scope: str):
    """The office acting in a who-acts scope for this application (scopes registered by accounts)."""
    return engine.office_for(scope, application)


def membership_matches(membership, application, actor) -> bool:
    """Does this membership fill the actor slot (scope + role) for this application?"""
    return engine.actor_matches(actor, application, {"membership": membership})


def acting_office(application, status=None):
    """The office that must act on the application in ``status`` (None when nothing is pending)."""
    status = status or application.status
    workflow = get_workflow(application.workflow)
    if status in workflow.terminal or status in workflow.pauses_clock:
        return None
    steps = workflow.forward_from(status)
    if not steps:
        return None
    actors = steps[0].actors
    if application.channel == Channel.COUNTER and any(a.scope == HALL_SCOPE for a in actors):
        return office_for_scope(application, HALL_SCOPE)
    return office_for_scope(application, actors[0].scope)


def is_intake_officer(membership, application) -> bool:
    """The officer who may resubmit on the citizen's behalf: village operator or hall counter officer."""
    if membership is None:
        return False
    if application.channel == Channel.VILLAGE or (application.village_id and application.channel == Channel.ONLINE):
        if membership_matches(membership, application, VILLAGE_OPERATOR):
            return True
    return application.channel == Channel.COUNTER and membership_matches(membership, application, HALL_COUNTER)


def is_own_application(user, application) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if application.submitted_by_id == user.pk and getattr(user, "is_citizen", False):
        return True
    person = getattr(user, "person", None) if getattr(user, "is_citizen", False) else None
    return person is not None and application.applicant_id == person.pk


def register_application_scopes():
    """The who-acts scopes of resubmission, registered in ``ApplicationsConfig.ready()``."""
    engine.register_scope(APPLICANT_SCOPE, matches=lambda application, user=None, **who:
                          is_own_application(user, application))
    engine.register_scope(INTAKE_SCOPE, matches=lambda application, membership=None, **who:
                          is_intake_officer(membership, application))


def allowed_actions(application, *, user=None, membership=None):
    """[(action, label)] the user may take now, in the order to show them."""
    steps = engine.allowed_actions(get_workflow(application.workflow), application,
                                   who={"user": user, "membership": membership})
    return [(step.action, step.label) for step in steps]


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
    if not get_workflow(service.workflow).has(WALK_IN) and village is None:
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
            application.current_office = acting_office(application, SUBMITTED)
            _save_with_unique_reference(application)
            for requirement, upload in uploads.items():
                if upload:
                    attachment_add(application=application, requirement=requirement, upload=upload, user=user)
            ApplicationEvent.objects.create(
                application=application, actor=application.submitted_by,
                actor_name=_actor_name(user), office=intake, role=membership.role if membership else "",
                action="submit", from_status="", to_status=SUBMITTED,
            )
            _queue_notifications(application, SUBMITTED)
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
    """Move ``application`` by ``action`` (a step of its workflow, including return / reject /
    resubmit) through the workflow engine; refuse with an Indonesian message when the action is not
    allowed now, for this person, or when someone else moved it first. ``signer_options`` (the signer's
    NIK and passphrase for an external signing service) go to the hooks and nowhere else."""
    workflow = get_workflow(application.workflow)
    expected = application.status
    today = deadlines.local_today()
    now = timezone.now()

    def updates(step, target):
        """Clock and queue fields written by the same compare-and-set UPDATE as the status."""
        fields = {"updated_at": now}
        if user is not None and user.is_authenticated and membership is not None:
            fields["assignee"] = user
        if target in workflow.pauses_clock:
            fields["paused_since"] = today
        if expected in workflow.pauses_clock:  # resumed: the pause moves the deadline
            paused = deadlines.pause_length(application, today)
            fields.update(paused_since=None, paused_days=application.paused_days + paused,
                          due_date=deadlines.calendar_for(application).add_working_days(application.due_date, paused))
        if target in workflow.stops_clock and not application.completed_at:
            fields["completed_at"] = now
        fields["current_office"] = acting_office(application, target)
        return fields

    with transaction.atomic():
        done = engine.transition(workflow, application, action, who={"user": user, "membership": membership},
                                 note=note, updates=updates, context={"signer_options": signer_options})
        _queue_notifications(application, done.to_status, note=done.event.note if done.event else "")
    return application


def _queue_notifications(application, status, note=""):
    from .notifications import queue_status_notifications

    queue_status_notifications(application, status, note=note)


__all__ = ["application_submit", "application_transition", "attachment_add", "allowed_actions",
           "validate_form_data", "acting_office"]
