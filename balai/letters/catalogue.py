"""The letter types every village can issue, declared in one place.

A letter type is its declaration here plus its body template ``letters/pdf/body/<key>.html``; nothing
else. From the declarations come the ``LetterType`` rows (created after every ``migrate`` and before
an issuance, ``letter_types_ensure``; rows edited by administrators keep their edits), the choices
of ``Service.letter_type`` (registered with ``core.choices`` in ``LettersConfig.ready()``), the
detail rows printed on the letter and whether it is a cover letter (*surat pengantar*).

Classification codes are the national archive classification (kode klasifikasi surat): 401 poor
families, 470 population, 471.21 moving, 472.11 births, 472.12 deaths, 472.2 marriage, 400 welfare,
510 trade, 302 public order, 331 police.
"""

from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class LetterTypeDeclaration:
    key: str
    classification_code: str
    title: str
    purpose_default: str = ""
    # Form fields printed below the holder's data: (form field names tried in order, label, format),
    # format "" (as typed), "rupiah", "date" or "orang". Names follow the service catalogue's form fields.
    details: tuple = ()
    cover_letter: bool = False  # a surat pengantar (to the police …) rather than a surat keterangan

    @property
    def template_name(self) -> str:
        return f"letters/pdf/body/{self.key}.html"


LETTER_TYPES: dict[str, LetterTypeDeclaration] = {}


def declare_letter_type(key: str, classification_code: str, title: str, purpose_default: str = "", *,
                        details=(), cover_letter: bool = False) -> LetterTypeDeclaration:
    """Declare a letter type (its body template is ``letters/pdf/body/<key>.html``)."""
    if len(key) > 40 or not key.replace("_", "").isalnum():
        raise ValueError(f"letter type key {key!r}: letters, digits and '_', at most 40 characters")
    declaration = LetterTypeDeclaration(key, classification_code, title, purpose_default, tuple(details),
                                        cover_letter)
    LETTER_TYPES[key] = declaration
    return declaration


def undeclare_letter_type(key: str) -> None:
    """Forget a declaration (tests that declare a type of their own clean up with it)."""
    LETTER_TYPES.pop(key, None)


declare_letter_type("sktm", "401", "Surat Keterangan Tidak Mampu", "Persyaratan keringanan biaya berobat/pendidikan",
                    details=[(("penghasilan",), "Penghasilan keluarga per bulan", "rupiah"),
                             (("tanggungan",), "Jumlah tanggungan keluarga", "orang")])
declare_letter_type("domisili", "470", "Surat Keterangan Domisili", "Persyaratan administrasi",
                    details=[(("alamat_domisili", "alamat"), "Alamat domisili", ""),
                             (("sejak",), "Berdomisili sejak", "date")])
declare_letter_type("usaha", "510", "Surat Keterangan Usaha", "Persyaratan pengajuan kredit usaha",
                    details=[(("nama_usaha",), "Nama usaha", ""), (("jenis_usaha", "bidang_usaha"), "Jenis usaha", ""),
                             (("alamat_usaha", "lokasi_usaha"), "Alamat usaha", ""),
                             (("mulai_usaha",), "Mulai usaha", "date")])
declare_letter_type("kelahiran", "472.11", "Surat Keterangan Kelahiran", "Persyaratan penerbitan akta kelahiran",
                    details=[(("nama_bayi", "nama_anak"), "Nama anak", ""), (("jenis_kelamin",), "Jenis kelamin", ""),
                             (("tempat_lahir",), "Tempat lahir", ""), (("tanggal_lahir",), "Tanggal lahir", "date"),
                             (("jam_lahir",), "Pukul", ""), (("tempat_dilahirkan",), "Tempat dilahirkan", ""),
                             (("penolong",), "Penolong kelahiran", ""), (("anak_ke",), "Anak ke-", ""),
                             (("nik_ayah",), "NIK ayah", ""), (("nik_ibu",), "NIK ibu", "")])
declare_letter_type("kematian", "472.12", "Surat Keterangan Kematian", "Persyaratan penerbitan akta kematian",
                    details=[(("nama_almarhum",), "Nama almarhum/almarhumah", ""), (("nik_almarhum",), "NIK", ""),
                             (("tanggal_meninggal",), "Tanggal meninggal", "date"),
                             (("tempat_meninggal",), "Tempat meninggal", ""), (("sebab",), "Sebab kematian", ""),
                             (("yang_menerangkan",), "Yang menerangkan", ""),
                             (("hubungan_pelapor",), "Hubungan pelapor dengan almarhum", "")])
declare_letter_type("pindah", "471.21", "Surat Keterangan Pindah", "Persyaratan perpindahan penduduk",
                    details=[(("alamat_tujuan",), "Alamat tujuan", ""), (("jenis_pindah",), "Jenis kepindahan", ""),
                             (("alasan",), "Alasan pindah", ""),
                             (("anggota_pindah",), "Anggota keluarga yang pindah", "")])
declare_letter_type("belum_menikah", "472.2", "Surat Keterangan Belum Menikah", "Persyaratan administrasi pernikahan")
declare_letter_type("penghasilan_ortu", "400", "Surat Keterangan Penghasilan Orang Tua", "Persyaratan beasiswa",
                    details=[(("nik_anak",), "NIK anak", ""), (("pekerjaan_ayah",), "Pekerjaan ayah", ""),
                             (("penghasilan_ayah",), "Penghasilan ayah per bulan", "rupiah"),
                             (("pekerjaan_ibu",), "Pekerjaan ibu", ""),
                             (("penghasilan_ibu",), "Penghasilan ibu per bulan", "rupiah")])
declare_letter_type("kehilangan", "331", "Surat Pengantar Laporan Kehilangan",
                    "Pengantar laporan kehilangan ke kepolisian", cover_letter=True,
                    details=[(("barang_hilang",), "Barang/dokumen yang hilang", ""),
                             (("tempat_hilang",), "Tempat kehilangan", ""),
                             (("tanggal_hilang",), "Tanggal kehilangan", "date"), (("keterangan",), "Keterangan", "")])
declare_letter_type("izin_keramaian", "302", "Surat Pengantar Izin Keramaian",
                    "Pengantar permohonan izin keramaian ke kepolisian", cover_letter=True,
                    details=[(("acara",), "Acara", ""), (("tanggal_acara",), "Hari/tanggal", "date"),
                             (("waktu",), "Waktu", ""), (("tempat_acara",), "Tempat", ""),
                             (("jumlah_undangan",), "Jumlah undangan", "orang"), (("hiburan",), "Hiburan", "")])
declare_letter_type("pengantar_skck", "331", "Surat Pengantar SKCK", "Pengantar permohonan SKCK ke kepolisian",
                    cover_letter=True)


def letter_type_choices() -> list[tuple[str, str]]:
    return [(d.key, d.title) for d in LETTER_TYPES.values()]


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


def letter_types_ensure(letter_type_model=None, using="default") -> int:
    """Create the ``LetterType`` rows of declared types that have none (idempotent; existing rows edited
    by administrators stay). Runs after every ``migrate`` (post_migrate) and before an issuance."""
    if letter_type_model is None:
        from .models import LetterType as letter_type_model
    existing = set(letter_type_model.objects.using(using).values_list("key", flat=True))
    missing = [(order, d) for order, d in enumerate(LETTER_TYPES.values(), start=1) if d.key not in existing]
    if not missing:
        return 0
    with transaction.atomic(using=using):
        letter_type_model.objects.using(using).bulk_create([
            letter_type_model(key=d.key, classification_code=d.classification_code, title=d.title,
                              template_name=d.template_name, purpose_default=d.purpose_default, order=order * 10)
            for order, d in missing], ignore_conflicts=True)
    return len(missing)


def is_cover_letter(letter_type_key: str) -> bool:
    declaration = LETTER_TYPES.get(letter_type_key)
    return bool(declaration and declaration.cover_letter)


def detail_rows(letter_type_key: str, data: dict) -> list[tuple[str, str]]:
    rows = []
    declaration = LETTER_TYPES.get(letter_type_key)
    for names, label, kind in declaration.details if declaration else ():
        value = next((data[name] for name in names if data.get(name) not in (None, "")), None)
        if value is not None:
            rows.append((label, _format(value, kind)))
    return rows
