"""Dukcapil code lists, numbered as in SIAK / OpenSID (``tweb_penduduk_*``) so exports round-trip.

Every list is an ``IntegerChoices`` whose integer is the Dukcapil code; labels are Indonesian
(gettext). Import/export write the integer code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.IntegerChoices):
    MALE = 1, _("Laki-laki")
    FEMALE = 2, _("Perempuan")


class Religion(models.IntegerChoices):
    ISLAM = 1, _("Islam")
    PROTESTANT = 2, _("Kristen")
    CATHOLIC = 3, _("Katholik")
    HINDU = 4, _("Hindu")
    BUDDHIST = 5, _("Budha")
    CONFUCIAN = 6, _("Khonghucu")
    OTHER = 7, _("Kepercayaan terhadap Tuhan YME / lainnya")


class Education(models.IntegerChoices):
    """Education as written on the family card (pendidikan dalam KK)."""

    NONE = 1, _("Tidak/belum sekolah")
    PRIMARY_UNFINISHED = 2, _("Belum tamat SD/sederajat")
    PRIMARY = 3, _("Tamat SD/sederajat")
    JUNIOR = 4, _("SLTP/sederajat")
    SENIOR = 5, _("SLTA/sederajat")
    DIPLOMA_1_2 = 6, _("Diploma I/II")
    DIPLOMA_3 = 7, _("Akademi/Diploma III/Sarjana muda")
    BACHELOR = 8, _("Diploma IV/Strata I")
    MASTER = 9, _("Strata II")
    DOCTORATE = 10, _("Strata III")


class Occupation(models.IntegerChoices):
    """Jenis pekerjaan (Dukcapil codes 1–89)."""

    NONE = 1, _("Belum/tidak bekerja")
    HOMEMAKER = 2, _("Mengurus rumah tangga")
    STUDENT = 3, _("Pelajar/mahasiswa")
    RETIRED = 4, _("Pensiunan")
    CIVIL_SERVANT = 5, _("Pegawai Negeri Sipil")
    ARMY = 6, _("Tentara Nasional Indonesia")
    POLICE = 7, _("Kepolisian RI")
    TRADE = 8, _("Perdagangan")
    FARMER = 9, _("Petani/pekebun")
    HERDER = 10, _("Peternak")
    FISHER = 11, _("Nelayan/perikanan")
    INDUSTRY = 12, _("Industri")
    CONSTRUCTION = 13, _("Konstruksi")
    TRANSPORT = 14, _("Transportasi")
    PRIVATE_EMPLOYEE = 15, _("Karyawan swasta")
    SOE_EMPLOYEE = 16, _("Karyawan BUMN")
    RSOE_EMPLOYEE = 17, _("Karyawan BUMD")
    HONORARY_EMPLOYEE = 18, _("Karyawan honorer")
    DAY_LABOURER = 19, _("Buruh harian lepas")
    FARM_LABOURER = 20, _("Buruh tani/perkebunan")
    FISH_LABOURER = 21, _("Buruh nelayan/perikanan")
    LIVESTOCK_LABOURER = 22, _("Buruh peternakan")
    DOMESTIC_WORKER = 23, _("Pembantu rumah tangga")
    BARBER = 24, _("Tukang cukur")
    ELECTRICIAN = 25, _("Tukang listrik")
    MASON = 26, _("Tukang batu")
    CARPENTER = 27, _("Tukang kayu")
    COBBLER = 28, _("Tukang sol sepatu")
    WELDER = 29, _("Tukang las/pandai besi")
    TAILOR = 30, _("Tukang jahit")
    DENTAL_TECHNICIAN = 31, _("Tukang gigi")
    MAKEUP_ARTIST = 32, _("Penata rias")
    DRESSER = 33, _("Penata busana")
    HAIRDRESSER = 34, _("Penata rambut")
    MECHANIC = 35, _("Mekanik")
    ARTIST = 36, _("Seniman")
    HEALER = 37, _("Tabib")
    TRADITIONAL_MIDWIFE = 38, _("Paraji")
    FASHION_DESIGNER = 39, _("Perancang busana")
    TRANSLATOR = 40, _("Penterjemah")
    IMAM = 41, _("Imam masjid")
    PASTOR_PROTESTANT = 42, _("Pendeta")
    PRIEST = 43, _("Pastor")
    JOURNALIST = 44, _("Wartawan")
    PREACHER = 45, _("Ustadz/mubaligh")
    COOK = 46, _("Juru masak")
    PROMOTER = 47, _("Promotor acara")
    DPR_MEMBER = 48, _("Anggota DPR-RI")
    DPD_MEMBER = 49, _("Anggota DPD")
    BPK_MEMBER = 50, _("Anggota BPK")
    PRESIDENT = 51, _("Presiden")
    VICE_PRESIDENT = 52, _("Wakil presiden")
    CONSTITUTIONAL_JUDGE = 53, _("Anggota Mahkamah Konstitusi")
    MINISTER = 54, _("Anggota kabinet/kementerian")
    AMBASSADOR = 55, _("Duta besar")
    GOVERNOR = 56, _("Gubernur")
    VICE_GOVERNOR = 57, _("Wakil gubernur")
    REGENT = 58, _("Bupati")
    VICE_REGENT = 59, _("Wakil bupati")
    MAYOR = 60, _("Walikota")
    VICE_MAYOR = 61, _("Wakil walikota")
    PROVINCIAL_COUNCIL = 62, _("Anggota DPRD provinsi")
    REGENCY_COUNCIL = 63, _("Anggota DPRD kabupaten/kota")
    LECTURER = 64, _("Dosen")
    TEACHER = 65, _("Guru")
    PILOT = 66, _("Pilot")
    LAWYER = 67, _("Pengacara")
    NOTARY = 68, _("Notaris")
    ARCHITECT = 69, _("Arsitek")
    ACCOUNTANT = 70, _("Akuntan")
    CONSULTANT = 71, _("Konsultan")
    DOCTOR = 72, _("Dokter")
    MIDWIFE = 73, _("Bidan")
    NURSE = 74, _("Perawat")
    PHARMACIST = 75, _("Apoteker")
    PSYCHOLOGIST = 76, _("Psikiater/psikolog")
    TV_PRESENTER = 77, _("Penyiar televisi")
    RADIO_PRESENTER = 78, _("Penyiar radio")
    SAILOR = 79, _("Pelaut")
    RESEARCHER = 80, _("Peneliti")
    DRIVER = 81, _("Sopir")
    BROKER = 82, _("Pialang")
    PSYCHIC = 83, _("Paranormal")
    TRADER = 84, _("Pedagang")
    VILLAGE_OFFICIAL = 85, _("Perangkat desa")
    VILLAGE_HEAD = 86, _("Kepala desa")
    NUN = 87, _("Biarawati")
    SELF_EMPLOYED = 88, _("Wiraswasta")
    OTHER = 89, _("Lainnya")


class MaritalStatus(models.IntegerChoices):
    SINGLE = 1, _("Belum kawin")
    MARRIED = 2, _("Kawin")
    DIVORCED = 3, _("Cerai hidup")
    WIDOWED = 4, _("Cerai mati")


class Relationship(models.IntegerChoices):
    """Status hubungan dalam keluarga (SHDK)."""

    HEAD = 1, _("Kepala keluarga")
    HUSBAND = 2, _("Suami")
    WIFE = 3, _("Istri")
    CHILD = 4, _("Anak")
    CHILD_IN_LAW = 5, _("Menantu")
    GRANDCHILD = 6, _("Cucu")
    PARENT = 7, _("Orang tua")
    PARENT_IN_LAW = 8, _("Mertua")
    OTHER_FAMILY = 9, _("Famili lain")
    SERVANT = 10, _("Pembantu")
    OTHER = 11, _("Lainnya")


class Citizenship(models.IntegerChoices):
    WNI = 1, _("WNI")
    WNA = 2, _("WNA")
    DUAL = 3, _("Dua kewarganegaraan")


class BloodType(models.IntegerChoices):
    A = 1, "A"
    B = 2, "B"
    AB = 3, "AB"
    O = 4, "O"  # noqa: E741
    A_POS = 5, "A+"
    A_NEG = 6, "A-"
    B_POS = 7, "B+"
    B_NEG = 8, "B-"
    AB_POS = 9, "AB+"
    AB_NEG = 10, "AB-"
    O_POS = 11, "O+"
    O_NEG = 12, "O-"
    UNKNOWN = 13, _("Tidak tahu")


class Disability(models.IntegerChoices):
    PHYSICAL = 1, _("Disabilitas fisik")
    BLIND = 2, _("Disabilitas netra")
    DEAF_MUTE = 3, _("Disabilitas rungu/wicara")
    MENTAL = 4, _("Disabilitas mental/jiwa")
    PHYSICAL_MENTAL = 5, _("Disabilitas fisik dan mental")
    OTHER = 6, _("Disabilitas lainnya")
    NONE = 7, _("Tidak ada")


class LifeStatus(models.IntegerChoices):
    """Status dasar (OpenSID numbering: 5 is unused)."""

    ALIVE = 1, _("Hidup")
    DEAD = 2, _("Meninggal")
    MOVED = 3, _("Pindah")
    MISSING = 4, _("Hilang")
    LEFT = 6, _("Pergi")


class ResidenceStatus(models.IntegerChoices):
    PERMANENT = 1, _("Tetap")
    TEMPORARY = 2, _("Tidak tetap")


class LifeEventKind(models.TextChoices):
    BIRTH = "birth", _("Kelahiran")
    DEATH = "death", _("Kematian")
    MOVE_IN = "move_in", _("Pindah datang")
    MOVE_OUT = "move_out", _("Pindah keluar")
    MISSING = "missing", _("Hilang")
    LEFT = "left", _("Pergi")


# What each life event makes of the person's life status.
EVENT_LIFE_STATUS = {
    LifeEventKind.BIRTH: LifeStatus.ALIVE,
    LifeEventKind.MOVE_IN: LifeStatus.ALIVE,
    LifeEventKind.DEATH: LifeStatus.DEAD,
    LifeEventKind.MOVE_OUT: LifeStatus.MOVED,
    LifeEventKind.MISSING: LifeStatus.MISSING,
    LifeEventKind.LEFT: LifeStatus.LEFT,
}


class WelfareSource(models.TextChoices):
    DTKS = "DTKS", _("DTKS (Kemensos)")
    DTSEN = "DTSEN", _("DTSEN")
    P3KE = "P3KE", _("P3KE")
    VILLAGE = "DESA", _("Pendataan desa")
    OTHER = "LAIN", _("Lainnya")


class SchoolLevel(models.TextChoices):
    NONE = "none", _("Tidak sekolah")
    SD = "SD", _("SD/MI")
    SMP = "SMP", _("SMP/MTs")
    SMA = "SMA", _("SMA/SMK/MA")
    SLB = "SLB", _("SLB")


class SchoolStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Bersekolah")
    DROPPED_OUT = "dropped_out", _("Putus sekolah")
    GRADUATED = "graduated", _("Lulus")


# Age bands (years, inclusive lower, exclusive upper) used by lists and statistics: BPS 5-year groups.
AGE_BANDS = [(lo, lo + 5) for lo in range(0, 75, 5)] + [(75, 200)]


def age_band_label(lo: int, hi: int) -> str:
    return f"{lo}+" if hi >= 200 else f"{lo}–{hi - 1}"
