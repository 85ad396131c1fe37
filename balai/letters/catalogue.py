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

# Form fields each letter prints below the holder's data: (form field name, label on the letter).
# Names follow the service catalogue's form fields; alternatives are tried in order.
DETAIL_FIELDS = {
    "sktm": [],
    "domisili": [(("alamat_domisili", "alamat"), "Alamat domisili"), (("lama_tinggal",), "Lama tinggal")],
    "usaha": [(("nama_usaha",), "Nama usaha"), (("jenis_usaha", "bidang_usaha"), "Jenis usaha"),
              (("alamat_usaha", "lokasi_usaha"), "Alamat usaha"), (("tahun_mulai", "mulai_usaha"), "Berdiri sejak")],
    "kelahiran": [(("nama_bayi", "nama_anak"), "Nama anak"), (("jenis_kelamin_bayi", "jenis_kelamin_anak"), "Jenis kelamin"),
                  (("tempat_lahir_bayi", "tempat_lahir_anak", "tempat_lahir"), "Tempat lahir"),
                  (("tanggal_lahir_bayi", "tanggal_lahir_anak", "tanggal_lahir"), "Tanggal lahir"),
                  (("jam_lahir", "pukul_lahir"), "Pukul"), (("nama_ayah",), "Nama ayah"), (("nama_ibu",), "Nama ibu")],
    "kematian": [(("tanggal_meninggal", "tanggal_kematian"), "Tanggal meninggal"),
                 (("tempat_meninggal", "tempat_kematian"), "Tempat meninggal"),
                 (("sebab_kematian", "sebab_meninggal", "penyebab"), "Sebab kematian"),
                 (("nama_pelapor",), "Nama pelapor"), (("hubungan_pelapor",), "Hubungan pelapor")],
    "pindah": [(("alamat_tujuan",), "Alamat tujuan"), (("desa_tujuan",), "Desa/kelurahan tujuan"),
               (("kecamatan_tujuan",), "Kecamatan tujuan"), (("kabupaten_tujuan",), "Kabupaten/kota tujuan"),
               (("alasan_pindah",), "Alasan pindah"), (("jumlah_pengikut", "pengikut"), "Jumlah anggota keluarga yang pindah")],
    "belum_menikah": [],
    "penghasilan_ortu": [(("nama_anak",), "Nama anak"), (("sekolah", "nama_sekolah"), "Sekolah/perguruan tinggi"),
                         (("penghasilan", "penghasilan_bulanan", "penghasilan_ortu"), "Penghasilan per bulan"),
                         (("pekerjaan_ortu",), "Pekerjaan orang tua")],
    "kehilangan": [(("barang_hilang", "barang"), "Barang/dokumen yang hilang"),
                   (("tempat_kehilangan", "lokasi_kehilangan"), "Tempat kehilangan"),
                   (("tanggal_kehilangan",), "Tanggal kehilangan"), (("keterangan",), "Keterangan")],
    "izin_keramaian": [(("nama_acara", "acara"), "Acara"), (("tanggal_acara",), "Hari/tanggal"),
                       (("waktu_acara", "jam_acara"), "Waktu"), (("tempat_acara", "lokasi_acara"), "Tempat"),
                       (("hiburan",), "Hiburan"), (("jumlah_undangan", "jumlah_tamu"), "Jumlah undangan")],
    "pengantar_skck": [],
}


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
    for names, label in DETAIL_FIELDS.get(letter_type_key, []):
        value = next((data[name] for name in names if data.get(name) not in (None, "")), None)
        if value is not None:
            rows.append((label, str(value)))
    return rows
