"""The application workflows, declared as data on the engine in ``balai.core.workflow``.

Each workflow is a list of steps; a step moves an application from one status to the next and names
who acts — roles at the office responsible for the applicant's village (``village``), its kecamatan
(``district``), the service's agency (``agency``) or the service hall (``hall``); those who-acts
scopes are registered by ``balai.accounts``. Every workflow also declares, for each open status, a
``return`` step (for correction: the clock pauses) and a ``reject`` step, taken by whoever may act on
that status; and a ``resubmit`` step from ``returned``, taken by the applicant or the intake officer
(``applicant`` and ``intake`` scopes, registered by this app), which goes back to the status the
application was returned from.

This module is the only place that names a workflow key: other code asks a workflow's ``flags``
(``ISSUES_VILLAGE_LETTER``, ``VILLAGE_OWNED``, ``WALK_IN``) or its declared statuses.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import Role
from balai.accounts.workflow_scopes import AGENCY as AGENCY_SCOPE
from balai.accounts.workflow_scopes import DISTRICT as DISTRICT_SCOPE
from balai.accounts.workflow_scopes import HALL as HALL_SCOPE
from balai.accounts.workflow_scopes import VILLAGE as VILLAGE_SCOPE
from balai.core.workflow import (
    BACK,
    REJECT,
    RESUBMIT,
    RETURN,
    Actor,
    Step,
    SubjectAdapter,
    Workflow,
    register_workflow,
)
from balai.core.workflow import get_workflow as _registered
from balai.services.models import ISSUES_VILLAGE_LETTER, SERVICE_WORKFLOWS

# Statuses shared by every application workflow.
SUBMITTED = "submitted"
VERIFIED = "verified"
CHECKED = "checked"
APPROVED = "approved"
PROCESSING = "processing"
RETURNED = "returned"
REJECTED = "rejected"
READY = "ready"
COLLECTED = "collected"

STATUS_LABELS = {
    SUBMITTED: _("Diajukan"),
    VERIFIED: _("Diverifikasi desa"),
    CHECKED: _("Diperiksa sekretaris"),
    APPROVED: _("Disetujui"),
    PROCESSING: _("Diproses instansi"),
    RETURNED: _("Dikembalikan untuk diperbaiki"),
    REJECTED: _("Ditolak"),
    READY: _("Selesai — siap diambil/diunduh"),
    COLLECTED: _("Sudah diterima pemohon"),
}

# What every application workflow declares about its statuses.
TERMINAL_STATUSES = frozenset({REJECTED, COLLECTED})  # nothing happens any more
CLOCK_STOPS = frozenset({READY, COLLECTED, REJECTED})  # finished or refused: the clock stops here
CLOCK_PAUSES = frozenset({RETURNED})  # waiting for the citizen's correction

# Flags (besides ``ISSUES_VILLAGE_LETTER`` from the service catalogue).
VILLAGE_OWNED = "village_owned"  # the village office owns the deadline (its calendar) and complaints
WALK_IN = "walk_in"  # a visitor who is not a registered resident may apply at the hall counter

# Who-acts scopes of this app (the office scopes come from accounts).
APPLICANT_SCOPE = "applicant"  # the citizen whose application it is
INTAKE_SCOPE = "intake"  # the officer who took it in: village operator, or hall counter officer

VILLAGE_OPERATOR = Actor(VILLAGE_SCOPE, (Role.OPERATOR,))
VILLAGE_SECRETARY = Actor(VILLAGE_SCOPE, (Role.SECRETARY,))
VILLAGE_HEAD = Actor(VILLAGE_SCOPE, (Role.HEAD,))
DISTRICT = Actor(DISTRICT_SCOPE, (Role.VERIFIER, Role.HEAD))
AGENCY_OFFICER = Actor(AGENCY_SCOPE, (Role.AGENCY_OFFICER,))
AGENCY_SIGNER = Actor(AGENCY_SCOPE, (Role.HEAD, Role.AGENCY_OFFICER))
HALL_COUNTER = Actor(HALL_SCOPE, (Role.COUNTER_OFFICER,))
APPLICANT = Actor(APPLICANT_SCOPE)
INTAKE = Actor(INTAKE_SCOPE)


class ApplicationSubject(SubjectAdapter):
    """Applications on the engine: ``ApplicationEvent`` is the event row; refusals speak of a
    "permohonan"."""

    def write_event(self, application, *, step, from_status, to_status, note, who, at=None):
        from .models import ApplicationEvent

        user, membership = who.get("user"), who.get("membership")
        signed_in = user is not None and user.is_authenticated
        return ApplicationEvent.objects.create(
            application=application, actor=user if signed_in else None,
            actor_name=user.display_name() if signed_in else "",
            office=membership.office if membership else None, role=membership.role if membership else "",
            action=step.event_kind, from_status=from_status, to_status=to_status, note=note)

    def refusal(self, subject, *, reason, workflow, action, step=None, current=None) -> str:
        if reason == "moved":
            return gettext("Permohonan ini sudah diproses oleh petugas lain (status sekarang: “%(status)s”). "
                           "Muat ulang halaman.") % {"status": status_label(current or "")}
        if reason == "note_required":
            return gettext("Tuliskan alasannya agar pemohon tahu apa yang harus dilakukan.")
        status = status_label(subject.status)
        if reason == "wrong_status" and step is not None:
            return gettext("Tindakan “%(action)s” tidak dapat dilakukan karena permohonan berstatus "
                           "“%(status)s”.") % {"action": step.label, "status": status}
        return gettext("Anda tidak dapat melakukan tindakan ini pada permohonan berstatus “%(status)s”.") % {
            "status": status}


SUBJECT = ApplicationSubject()


def _with_corrections(forward):
    """The forward steps, then for each open status a ``return`` and a ``reject`` step (taken by whoever
    may act on that status), then ``resubmit`` from ``returned`` back to where it was returned from."""
    corrections = []
    for status in dict.fromkeys(s.source for s in forward):
        if status in CLOCK_STOPS:
            continue
        actors = tuple(dict.fromkeys(a for s in forward if s.source == status for a in s.actors))
        corrections.append(Step(RETURN, status, RETURNED, _("Kembalikan untuk diperbaiki"), actors,
                                kind=RETURN, note_required=True))
        corrections.append(Step(REJECT, status, REJECTED, _("Tolak"), actors, kind=REJECT, note_required=True))
    corrections.append(Step(RESUBMIT, RETURNED, BACK, _("Kirim ulang setelah diperbaiki"), (APPLICANT, INTAKE),
                            _("Permohonan dikembalikan: perbaiki sesuai catatan petugas lalu kirim ulang. "
                              "Waktu layanan berhenti sementara."), kind=RESUBMIT))
    return tuple(forward) + tuple(corrections)


def _workflow(key, label, forward, *, flags=()):
    return Workflow(key, label, _with_corrections(forward), initial=SUBMITTED, labels=STATUS_LABELS,
                    terminal=TERMINAL_STATUSES, stops_clock=CLOCK_STOPS, pauses_clock=CLOCK_PAUSES,
                    flags=frozenset(flags), family=SERVICE_WORKFLOWS, subject=SUBJECT, return_field="returned_from",
                    module=__name__)


VILLAGE_LETTER = "village_letter"
VILLAGE_TO_AGENCY = "village_to_agency"
AGENCY = "agency"

WORKFLOWS = {
    VILLAGE_LETTER: _workflow(VILLAGE_LETTER, _("Surat desa"), (
        Step("verify", SUBMITTED, VERIFIED, _("Verifikasi"), (VILLAGE_OPERATOR,),
             _("Operator desa memeriksa data dan berkas Anda.")),
        Step("check", VERIFIED, CHECKED, _("Periksa"), (VILLAGE_SECRETARY,),
             _("Sekretaris desa memeriksa konsep surat.")),
        Step("sign", CHECKED, READY, _("Tandatangani"), (VILLAGE_HEAD,),
             _("Kepala desa menandatangani surat.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (VILLAGE_OPERATOR,),
             _("Surat siap: unduh dari halaman ini atau ambil di kantor desa.")),
    ), flags=(ISSUES_VILLAGE_LETTER, VILLAGE_OWNED)),
    VILLAGE_TO_AGENCY: _workflow(VILLAGE_TO_AGENCY, _("Dari desa ke instansi"), (
        Step("verify", SUBMITTED, VERIFIED, _("Verifikasi"), (VILLAGE_OPERATOR,),
             _("Operator desa memeriksa data dan berkas Anda.")),
        Step("approve", VERIFIED, APPROVED, _("Setujui"), (DISTRICT,),
             _("Kecamatan memeriksa dan menyetujui permohonan.")),
        Step("process", APPROVED, PROCESSING, _("Proses"), (AGENCY_OFFICER,),
             _("Instansi menerima berkas untuk diproses.")),
        Step("complete", PROCESSING, READY, _("Selesaikan"), (AGENCY_OFFICER,),
             _("Instansi menyelesaikan dokumen Anda.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (AGENCY_OFFICER, HALL_COUNTER, VILLAGE_OPERATOR),
             _("Dokumen siap diambil.")),
    )),
    AGENCY: _workflow(AGENCY, _("Layanan instansi (MPP)"), (
        Step("process", SUBMITTED, PROCESSING, _("Proses"), (AGENCY_OFFICER, HALL_COUNTER),
             _("Petugas instansi menerima dan memeriksa berkas Anda.")),
        Step("approve", PROCESSING, READY, _("Setujui dan tandatangani"), (AGENCY_SIGNER,),
             _("Pejabat instansi menyetujui dan menandatangani dokumen.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (AGENCY_OFFICER, HALL_COUNTER),
             _("Dokumen siap diambil di loket MPP.")),
    ), flags=(WALK_IN,)),
}
DEFAULT_WORKFLOW = AGENCY

# Across every application workflow (the status column is shared): for selectors and querysets.
TERMINAL = frozenset().union(*(w.terminal for w in WORKFLOWS.values()))
DONE = frozenset().union(*(w.stops_clock for w in WORKFLOWS.values()))
PAUSED = frozenset().union(*(w.pauses_clock for w in WORKFLOWS.values()))


def register_workflows():
    """Called by ``ApplicationsConfig.ready()``: the catalogue's ``Service.workflow`` reads these."""
    for key, workflow in WORKFLOWS.items():
        register_workflow(workflow, default=key == DEFAULT_WORKFLOW)


def get_workflow(key: str) -> Workflow:
    workflow = WORKFLOWS.get(key)
    return workflow if workflow is not None else _registered(key)


def status_label(status: str):
    return STATUS_LABELS.get(status, status)
