"""The letter types every village can issue, as data. Classification codes are the national archive
classification (kode klasifikasi surat): 401 poor families, 470 population, 471.21 moving, 472.11
births, 472.12 deaths, 472.2 marriage, 400 welfare, 510 trade, 302 public order, 331 police."""

from django.db import transaction

LETTER_TYPES = [
    # key, classification code, title, default purpose
    ("sktm", "401", "Surat Keterangan Tidak Mampu", "Persyaratan keringanan biaya berobat/pendidikan"),
    ("domisili", "470", "Surat Keterangan Domisili", "Persyaratan administrasi"),
    ("usaha", "510", "Surat Keterangan Usaha", "Persyaratan pengajuan kredit usaha"),
    ("kelahiran", "472.11", "Surat Keterangan Kelahiran", "Persyaratan penerbitan akta kelahiran"),
    ("kematian", "472.12", "Surat Keterangan Kematian", "Persyaratan penerbitan akta kematian"),
    ("pindah", "471.21", "Surat Keterangan Pindah", "Persyaratan perpindahan penduduk"),
    ("belum_menikah", "472.2", "Surat Keterangan Belum Menikah", "Persyaratan administrasi pernikahan"),
    ("penghasilan_ortu", "400", "Surat Keterangan Penghasilan Orang Tua", "Persyaratan beasiswa"),
    ("kehilangan", "331", "Surat Pengantar Laporan Kehilangan", "Pengantar laporan kehilangan ke kepolisian"),
    ("izin_keramaian", "302", "Surat Pengantar Izin Keramaian", "Pengantar permohonan izin keramaian ke kepolisian"),
    ("pengantar_skck", "331", "Surat Pengantar SKCK", "Pengantar permohonan SKCK ke kepolisian"),
]

# Form fields each letter prints below the holder's data: (form field names, label on the letter, format).
# Names follow the service catalogue's form fields (balai/services/data/catalogue.yaml); alternatives
# are tried in order.
DETAIL_FIELDS = {
    "sktm": [(("penghasilan",), "Penghasilan keluarga per bulan", "rupiah"),
             (("tanggungan",), "Jumlah tanggungan keluarga", "orang")],
    "domisili": [(("alamat_domisili", "alamat"), "Alamat domisili", ""), (("sejak",), "Berdomisili sejak", "date")],
    "usaha": [(("nama_usaha",), "Nama usaha", ""), (("jenis_usaha", "bidang_usaha"), "Jenis usaha", ""),
              (("alamat_usaha", "lokasi_usaha"), "Alamat usaha", ""), (("mulai_usaha",), "Mulai usaha", "date")],
    "kelahiran": [(("nama_bayi", "nama_anak"), "Nama anak", ""), (("jenis_kelamin",), "Jenis kelamin", ""),
                  (("tempat_lahir",), "Tempat lahir", ""), (("tanggal_lahir",), "Tanggal lahir", "date"),
                  (("jam_lahir",), "Pukul", ""), (("tempat_dilahirkan",), "Tempat dilahirkan", ""),
                  (("penolong",), "Penolong kelahiran", ""), (("anak_ke",), "Anak ke-", ""),
                  (("nik_ayah",), "NIK ayah", ""), (("nik_ibu",), "NIK ibu", "")],
    "kematian": [(("nama_almarhum",), "Nama almarhum/almarhumah", ""), (("nik_almarhum",), "NIK", ""),
                 (("tanggal_meninggal",), "Tanggal meninggal", "date"), (("tempat_meninggal",), "Tempat meninggal", ""),
                 (("sebab",), "Sebab kematian", ""), (("yang_menerangkan",), "Yang menerangkan", ""),
                 (("hubungan_pelapor",), "Hubungan pelapor dengan almarhum", "")],
    "pindah": [(("alamat_tujuan",), "Alamat tujuan", ""), (("jenis_pindah",), "Jenis kepindahan", ""),
               (("alasan",), "Alasan pindah", ""), (("anggota_pindah",), "Anggota keluarga yang pindah", "")],
    "belum_menikah": [],
    "penghasilan_ortu": [(("nik_anak",), "NIK anak", ""), (("pekerjaan_ayah",), "Pekerjaan ayah", ""),
                         (("penghasilan_ayah",), "Penghasilan ayah per bulan", "rupiah"),
                         (("pekerjaan_ibu",), "Pekerjaan ibu", ""),
                         (("penghasilan_ibu",), "Penghasilan ibu per bulan", "rupiah")],
    "kehilangan": [(("barang_hilang",), "Barang/dokumen yang hilang", ""), (("tempat_hilang",), "Tempat kehilangan", ""),
                   (("tanggal_hilang",), "Tanggal kehilangan", "date"), (("keterangan",), "Keterangan", "")],
    "izin_keramaian": [(("acara",), "Acara", ""), (("tanggal_acara",), "Hari/tanggal", "date"),
                       (("waktu",), "Waktu", ""), (("tempat_acara",), "Tempat", ""),
                       (("jumlah_undangan",), "Jumlah undangan", "orang"), (("hiburan",), "Hiburan", "")],
    "pengantar_skck": [],
}


def _format(value, kind):
    from balai.core.money import format_rupiah

    from .formatting import tanggal_indonesia

    if kind == "rupiah":
        try:
            return format_rupiah(value)  # "1500000" or "1.500.000" -> "Rp 1.500.000"
        except (TypeError, ValueError):
            return str(value)  # not an amount: shown as typed
    if kind == "date":
        return tanggal_indonesia(value)
    if kind == "orang":
        return f"{value} orang"
    return str(value)


def letter_types_ensure(letter_type_model=None) -> int:
    """Create the missing letter types (idempotent; existing rows edited by administrators stay)."""
    if letter_type_model is None:
        from .models import LetterType as letter_type_model
    existing = set(letter_type_model.objects.values_list("key", flat=True))
    created = 0
    with transaction.atomic():
        for order, (key, code, title, purpose) in enumerate(LETTER_TYPES, start=1):
            if key in existing:
                continue
            letter_type_model.objects.create(key=key, classification_code=code, title=title,
                                             template_name=f"letters/pdf/body/{key}.html",
                                             purpose_default=purpose, order=order * 10)
            created += 1
    return created


def detail_rows(letter_type_key: str, data: dict) -> list[tuple[str, str]]:
    rows = []
    for names, label, kind in DETAIL_FIELDS.get(letter_type_key, []):
        value = next((data[name] for name in names if data.get(name) not in (None, "")), None)
        if value is not None:
            rows.append((label, _format(value, kind)))
    return rows
