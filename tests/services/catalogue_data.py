"""A small catalogue for fast tests (the shipped one has 250+ services; a few tests load it whole)."""

import copy

from balai.services.catalogue import load_catalogue

SMALL = {
    "life_events": [
        {"slug": "lahir", "name": "Kelahiran dan anak", "order": 10},
        {"slug": "berkendara", "name": "Kendaraan dan berkendara", "order": 20},
    ],
    "services": [
        {"code": "akta-lahir", "name": "Penerbitan Akta Kelahiran", "agency": "dispendukcapil",
         "description": "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.",
         "requirements": [{"name": "Surat keterangan lahir", "upload": True}, {"name": "Kartu Keluarga", "upload": False}],
         "legal_basis": "UU 24/2013", "processing_days": 1, "fee": 0, "output": "Kutipan Akta Kelahiran",
         "channels": ["online", "village", "counter"], "life_events": ["lahir"]},
        {"code": "kia", "name": "Kartu Identitas Anak", "agency": "dispendukcapil",
         "description": "Penerbitan KIA bagi anak di bawah 17 tahun.", "processing_days": 1, "fee": 0,
         "channels": ["counter"], "life_events": ["lahir"]},
        {"code": "skck", "name": "Penerbitan SKCK", "agency": "polresta",
         "description": "Surat keterangan catatan kepolisian untuk melamar kerja.", "processing_days": 1, "fee": 30000,
         "channels": ["online", "counter"], "life_events": []},
        {"code": "paspor-biasa", "name": "Paspor Biasa", "agency": "imigrasi",
         "description": "Paspor untuk bepergian ke luar negeri.", "processing_days": 4, "fee": 350000,
         "channels": ["online", "counter"], "life_events": []},
        {"code": "sktm", "name": "Surat Keterangan Tidak Mampu", "agency": "dpmd", "level": "village",
         "workflow": "village_letter", "letter_type": "sktm", "description": "Surat keterangan keluarga tidak mampu.",
         "processing_days": 1, "fee": 0, "channels": ["village", "online"], "life_events": [],
         "form_fields": [{"name": "keperluan", "label": "Keperluan", "type": "textarea", "required": True}]},
    ],
}


def small_catalogue() -> dict:
    return copy.deepcopy(SMALL)


def load_small_catalogue(data: dict | None = None):
    return load_catalogue(data=data or small_catalogue())
