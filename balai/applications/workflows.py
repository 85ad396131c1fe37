"""Workflows declared as data (django-oscar style): each workflow is a list of steps; a step moves an
application from one status to the next and names who acts — roles at the office responsible for the
applicant's village (``village``), its kecamatan (``district``), the service's agency (``agency``) or
the service hall (``hall``). Every workflow also allows, to the office acting on the current step,
``return`` (for correction: the clock pauses) and ``reject``; the applicant (or the intake officer)
``resubmit``s a returned application, which goes back to the step it was returned from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from balai.accounts.models import Role

# Statuses shared by every workflow.
SUBMITTED = "submitted"
RETURNED = "returned"
REJECTED = "rejected"
READY = "ready"
COLLECTED = "collected"
TERMINAL = {REJECTED, COLLECTED}
DONE = {READY, COLLECTED, REJECTED}  # the clock stops here

STATUS_LABELS = {
    SUBMITTED: _("Diajukan"),
    "verified": _("Diverifikasi desa"),
    "checked": _("Diperiksa sekretaris"),
    "approved": _("Disetujui"),
    "processing": _("Diproses instansi"),
    RETURNED: _("Dikembalikan untuk diperbaiki"),
    REJECTED: _("Ditolak"),
    READY: _("Selesai — siap diambil/diunduh"),
    COLLECTED: _("Sudah diterima pemohon"),
}

RETURN = "return"
REJECT = "reject"
RESUBMIT = "resubmit"


@dataclass(frozen=True)
class Actor:
    scope: str  # "village" | "district" | "agency" | "hall"
    roles: tuple


@dataclass(frozen=True)
class Step:
    action: str
    source: str
    target: str
    label: object
    actors: tuple
    next_hint: object = ""  # "what happens next" for the citizen while the application waits here


@dataclass(frozen=True)
class Workflow:
    key: str
    label: object
    steps: tuple = field(default_factory=tuple)

    def steps_from(self, status):
        return [s for s in self.steps if s.source == status]

    def step(self, status, action):
        for s in self.steps:
            if s.source == status and s.action == action:
                return s
        return None

    @property
    def statuses(self):
        seen = []
        for s in self.steps:
            for st in (s.source, s.target):
                if st not in seen:
                    seen.append(st)
        return seen


VILLAGE_OPERATOR = Actor("village", (Role.OPERATOR,))
VILLAGE_SECRETARY = Actor("village", (Role.SECRETARY,))
VILLAGE_HEAD = Actor("village", (Role.HEAD,))
DISTRICT = Actor("district", (Role.VERIFIER, Role.HEAD))
AGENCY_OFFICER = Actor("agency", (Role.AGENCY_OFFICER,))
AGENCY_SIGNER = Actor("agency", (Role.HEAD, Role.AGENCY_OFFICER))
HALL_COUNTER = Actor("hall", (Role.COUNTER_OFFICER,))

WORKFLOWS = {
    "village_letter": Workflow("village_letter", _("Surat desa"), (
        Step("verify", SUBMITTED, "verified", _("Verifikasi"), (VILLAGE_OPERATOR,),
             _("Operator desa memeriksa data dan berkas Anda.")),
        Step("check", "verified", "checked", _("Periksa"), (VILLAGE_SECRETARY,),
             _("Sekretaris desa memeriksa konsep surat.")),
        Step("sign", "checked", READY, _("Tandatangani"), (VILLAGE_HEAD,),
             _("Kepala desa menandatangani surat.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (VILLAGE_OPERATOR,),
             _("Surat siap: unduh dari halaman ini atau ambil di kantor desa.")),
    )),
    "village_to_agency": Workflow("village_to_agency", _("Dari desa ke instansi"), (
        Step("verify", SUBMITTED, "verified", _("Verifikasi"), (VILLAGE_OPERATOR,),
             _("Operator desa memeriksa data dan berkas Anda.")),
        Step("approve", "verified", "approved", _("Setujui"), (DISTRICT,),
             _("Kecamatan memeriksa dan menyetujui permohonan.")),
        Step("process", "approved", "processing", _("Proses"), (AGENCY_OFFICER,),
             _("Instansi menerima berkas untuk diproses.")),
        Step("complete", "processing", READY, _("Selesaikan"), (AGENCY_OFFICER,),
             _("Instansi menyelesaikan dokumen Anda.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (AGENCY_OFFICER, HALL_COUNTER, VILLAGE_OPERATOR),
             _("Dokumen siap diambil.")),
    )),
    "agency": Workflow("agency", _("Layanan instansi (MPP)"), (
        Step("process", SUBMITTED, "processing", _("Proses"), (AGENCY_OFFICER, HALL_COUNTER),
             _("Petugas instansi menerima dan memeriksa berkas Anda.")),
        Step("approve", "processing", READY, _("Setujui dan tandatangani"), (AGENCY_SIGNER,),
             _("Pejabat instansi menyetujui dan menandatangani dokumen.")),
        Step("collect", READY, COLLECTED, _("Serahkan"), (AGENCY_OFFICER, HALL_COUNTER),
             _("Dokumen siap diambil di loket MPP.")),
    )),
}


def get_workflow(key: str) -> Workflow:
    return WORKFLOWS[key]


def status_label(status: str):
    return STATUS_LABELS.get(status, status)
