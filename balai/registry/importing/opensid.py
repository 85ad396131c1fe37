"""OpenSID's population workbook (``FormatImporExcel.xlsm``, sheet "Data Penduduk"): its 43 columns and
the code lists of its "Kode Data" sheet, copied here as data so Balai never reads OpenSID's files.

OpenSID follows Dukcapil's numbering, as Balai's own code lists do, so most lists map one to one;
``to_balai``/``from_balai`` in ``formats.py`` translate through these tables by code."""

# The 43 columns, in OpenSID's order.
COLUMNS = [
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir",
    "agama_id", "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin", "kk_level",
    "warganegara_id", "ayah_nik", "nama_ayah", "ibu_nik", "nama_ibu", "golongan_darah_id", "akta_lahir",
    "dokumen_pasport", "tanggal_akhir_paspor", "dokumen_kitas", "akta_perkawinan", "tanggalperkawinan",
    "akta_perceraian", "tanggalperceraian", "cacat_id", "cara_kb_id", "hamil", "ktp_el", "status_rekam",
    "alamat_sekarang", "status_dasar", "suku", "tag_id_card", "id_asuransi", "no_asuransi", "lat", "lng",
]

# Columns whose presence tells an OpenSID workbook from Balai's own template.
SIGNATURE = {"nik", "no_kk", "nama", "sex", "tanggallahir", "kk_level"}

SEX = {1: "LAKI-LAKI", 2: "PEREMPUAN"}
RELIGION = {
    1: "ISLAM", 2: "KRISTEN", 3: "KATHOLIK", 4: "HINDU", 5: "BUDHA", 6: "KHONGHUCU",
    7: "Kepercayaan Terhadap Tuhan YME / Lainnya",
}
EDUCATION_KK = {
    1: "TIDAK / BELUM SEKOLAH", 2: "BELUM TAMAT SD/SEDERAJAT", 3: "TAMAT SD / SEDERAJAT", 4: "SLTP/SEDERAJAT",
    5: "SLTA / SEDERAJAT", 6: "DIPLOMA I / II", 7: "AKADEMI/ DIPLOMA III/S. MUDA", 8: "DIPLOMA IV/ STRATA I",
    9: "STRATA II", 10: "STRATA III",
}
EDUCATION_NOW = {
    1: "BELUM MASUK TK/KELOMPOK BERMAIN", 2: "SEDANG TK/KELOMPOK BERMAIN", 3: "TIDAK PERNAH SEKOLAH",
    4: "SEDANG SD/SEDERAJAT", 5: "TIDAK TAMAT SD/SEDERAJAT", 6: "SEDANG SLTP/SEDERAJAT", 7: "SEDANG SLTA/SEDERAJAT",
    8: "SEDANG D-1/SEDERAJAT", 9: "SEDANG D-2/SEDERAJAT", 10: "SEDANG D-3/SEDERAJAT", 11: "SEDANG S-1/SEDERAJAT",
    12: "SEDANG S-2/SEDERAJAT", 13: "SEDANG S-3/SEDERAJAT", 14: "SEDANG SLB A/SEDERAJAT",
    15: "SEDANG SLB B/SEDERAJAT", 16: "SEDANG SLB C/SEDERAJAT",
    17: "TIDAK DAPAT MEMBACA DAN MENULIS HURUF LATIN/ARAB", 18: "TIDAK SEDANG SEKOLAH",
}
OCCUPATION = {
    1: "BELUM/TIDAK BEKERJA", 2: "MENGURUS RUMAH TANGGA", 3: "PELAJAR/MAHASISWA", 4: "PENSIUNAN",
    5: "PEGAWAI NEGERI SIPIL (PNS)", 6: "TENTARA NASIONAL INDONESIA (TNI)", 7: "KEPOLISIAN RI (POLRI)",
    8: "PERDAGANGAN", 9: "PETANI/PEKEBUN", 10: "PETERNAK", 11: "NELAYAN/PERIKANAN", 12: "INDUSTRI",
    13: "KONSTRUKSI", 14: "TRANSPORTASI", 15: "KARYAWAN SWASTA", 16: "KARYAWAN BUMN", 17: "KARYAWAN BUMD",
    18: "KARYAWAN HONORER", 19: "BURUH HARIAN LEPAS", 20: "BURUH TANI/PERKEBUNAN", 21: "BURUH NELAYAN/PERIKANAN",
    22: "BURUH PETERNAKAN", 23: "PEMBANTU RUMAH TANGGA", 24: "TUKANG CUKUR", 25: "TUKANG LISTRIK",
    26: "TUKANG BATU", 27: "TUKANG KAYU", 28: "TUKANG SOL SEPATU", 29: "TUKANG LAS/PANDAI BESI",
    30: "TUKANG JAHIT", 31: "TUKANG GIGI", 32: "PENATA RIAS", 33: "PENATA BUSANA", 34: "PENATA RAMBUT",
    35: "MEKANIK", 36: "SENIMAN", 37: "TABIB", 38: "PARAJI", 39: "PERANCANG BUSANA", 40: "PENTERJEMAH",
    41: "IMAM MASJID", 42: "PENDETA", 43: "PASTOR", 44: "WARTAWAN", 45: "USTADZ/MUBALIGH", 46: "JURU MASAK",
    47: "PROMOTOR ACARA", 48: "ANGGOTA DPR-RI", 49: "ANGGOTA DPD", 50: "ANGGOTA BPK", 51: "PRESIDEN",
    52: "WAKIL PRESIDEN", 53: "ANGGOTA MAHKAMAH KONSTITUSI", 54: "ANGGOTA KABINET KEMENTERIAN", 55: "DUTA BESAR",
    56: "GUBERNUR", 57: "WAKIL GUBERNUR", 58: "BUPATI", 59: "WAKIL BUPATI", 60: "WALIKOTA", 61: "WAKIL WALIKOTA",
    62: "ANGGOTA DPRD PROVINSI", 63: "ANGGOTA DPRD KABUPATEN/KOTA", 64: "DOSEN", 65: "GURU", 66: "PILOT",
    67: "PENGACARA", 68: "NOTARIS", 69: "ARSITEK", 70: "AKUNTAN", 71: "KONSULTAN", 72: "DOKTER", 73: "BIDAN",
    74: "PERAWAT", 75: "APOTEKER", 76: "PSIKIATER/PSIKOLOG", 77: "PENYIAR TELEVISI", 78: "PENYIAR RADIO",
    79: "PELAUT", 80: "PENELITI", 81: "SOPIR", 82: "PIALANG", 83: "PARANORMAL", 84: "PEDAGANG",
    85: "PERANGKAT DESA", 86: "KEPALA DESA", 87: "BIARAWATI", 88: "WIRASWASTA", 89: "LAINNYA",
}
MARITAL = {1: "BELUM KAWIN", 2: "KAWIN", 3: "CERAI HIDUP", 4: "CERAI MATI"}
RELATIONSHIP = {
    1: "KEPALA KELUARGA", 2: "SUAMI", 3: "ISTRI", 4: "ANAK", 5: "MENANTU", 6: "CUCU", 7: "ORANGTUA",
    8: "MERTUA", 9: "FAMILI LAIN", 10: "PEMBANTU", 11: "LAINNYA",
}
CITIZENSHIP = {1: "WNI", 2: "WNA", 3: "DUA KEWARGANEGARAAN"}
BLOOD = {
    1: "A", 2: "B", 3: "AB", 4: "O", 5: "A+", 6: "A-", 7: "B+", 8: "B-", 9: "AB+", 10: "AB-", 11: "O+",
    12: "O-", 13: "TIDAK TAHU",
}
DISABILITY = {
    1: "CACAT FISIK", 2: "CACAT NETRA/BUTA", 3: "CACAT RUNGU/WICARA", 4: "CACAT MENTAL/JIWA",
    5: "CACAT FISIK DAN MENTAL", 6: "CACAT LAINNYA", 7: "TIDAK CACAT",
}
FAMILY_PLANNING = {
    1: "Pil", 2: "IUD", 3: "Suntik", 4: "Kondom", 5: "Susuk KB", 6: "Sterilisasi Wanita", 7: "Sterilisasi Pria",
    99: "Lainnya",
}
PREGNANT = {1: "HAMIL", 2: "TIDAK HAMIL"}
KTP_EL = {1: "BELUM", 2: "KTP-EL"}
RECORDING = {
    1: "BELUM WAJIB", 2: "BELUM REKAM", 3: "SUDAH REKAM", 4: "CARD PRINTED", 5: "PRINT READY RECORD",
    6: "CARD SHIPPED", 7: "SENT FOR CARD PRINTING", 8: "CARD ISSUED",
}
LIFE_STATUS = {1: "HIDUP", 2: "MATI", 3: "PINDAH", 4: "HILANG", 6: "PERGI", 9: "TIDAK VALID"}
INSURANCE = {
    1: "TIDAK/BELUM PUNYA", 2: "BPJS PENERIMA BANTUAN IURAN", 3: "BPJS NON PENERIMA BANTUAN IURAN",
    4: "BPJS BANTUAN DAERAH", 99: "ASURANSI LAINNYA",
}

# Code columns checked against their list (an unknown code is an error naming column and value).
CODE_LISTS = {
    "sex": SEX, "agama_id": RELIGION, "pendidikan_kk_id": EDUCATION_KK, "pendidikan_sedang_id": EDUCATION_NOW,
    "pekerjaan_id": OCCUPATION, "status_kawin": MARITAL, "kk_level": RELATIONSHIP, "warganegara_id": CITIZENSHIP,
    "golongan_darah_id": BLOOD, "cacat_id": DISABILITY, "cara_kb_id": FAMILY_PLANNING, "hamil": PREGNANT,
    "ktp_el": KTP_EL, "status_rekam": RECORDING, "status_dasar": LIFE_STATUS, "id_asuransi": INSURANCE,
}
