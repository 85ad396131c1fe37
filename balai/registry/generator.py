"""A synthetic but plausible Banyuwangi population (``balai generate_population``).

* Indonesian names (Faker ``id_ID``), NIKs consistent with region (kecamatan digits), sex (+40 on the
  day for women) and birth date; KK numbers with the kecamatan code and a registration date.
* Families built from household types: young couples with small children, families with
  school-age and adult children, three generations with an elder parent, elders alone or as a
  couple, single adults — giving an age pyramid close to East Java's.
* Welfare deciles skewed by village (each village draws a poverty level), school-age children
  with schooling rows and a few drop-outs.
* Deterministic: the same seed (and village list) gives the same people, independent of the date
  (ages are computed against ``REFERENCE_DATE``). Each village draws from its own random stream.

Rows come out as dicts keyed by the canonical field names of the import format
(``balai.registry.importing.formats.FIELDS``), so the same generator feeds the database
(``insert_population``, set-based ``bulk_create`` in batches) and CSV files (``write_csv``).
"""

from __future__ import annotations

import csv
import datetime
import random
import uuid
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from faker.providers.person.id_ID import Provider as IndonesianNames

from balai.regions.models import Level, Region, UnitKind, VillageUnit

from . import codes
from .identity import _known_codes, make_kk, make_nik
from .models import Family, Person, Schooling, Welfare, normalise_name

REFERENCE_DATE = datetime.date(2026, 1, 1)
DUSUN_NAMES = ["Krajan", "Sumberrejo", "Kebonrejo", "Sukorejo", "Purworejo", "Rejoagung", "Karangasem",
               "Wonorejo", "Tegalrejo", "Sidomulyo", "Sumbersari", "Kampung Baru", "Pancer", "Lidah", "Sukomade"]
STREETS = ["Jl. Raya", "Jl. Kenanga", "Jl. Mawar", "Jl. Melati", "Jl. Pahlawan", "Jl. Merdeka", "Jl. Masjid",
           "Jl. Pantai", "Jl. Sawah", "Jl. Kopi", "Gang Anggrek", "Dusun"]
DROPOUT_REASONS = ["Biaya sekolah", "Membantu orang tua bekerja", "Menikah", "Jarak sekolah jauh",
                   "Tidak ada minat", "Sakit"]
ADULT_OCCUPATIONS = (  # (code, weight) for working-age adults
    (codes.Occupation.FARMER, 20), (codes.Occupation.FARM_LABOURER, 13), (codes.Occupation.SELF_EMPLOYED, 12),
    (codes.Occupation.PRIVATE_EMPLOYEE, 11), (codes.Occupation.TRADER, 7), (codes.Occupation.DAY_LABOURER, 9),
    (codes.Occupation.FISHER, 4), (codes.Occupation.CIVIL_SERVANT, 2), (codes.Occupation.TEACHER, 2),
    (codes.Occupation.DRIVER, 2), (codes.Occupation.CONSTRUCTION, 2), (codes.Occupation.MASON, 2),
    (codes.Occupation.NONE, 8), (codes.Occupation.HOMEMAKER, 4), (codes.Occupation.HONORARY_EMPLOYEE, 1),
    (codes.Occupation.ARMY, 0.3), (codes.Occupation.POLICE, 0.3), (codes.Occupation.MIDWIFE, 0.3),
    (codes.Occupation.NURSE, 0.3), (codes.Occupation.TAILOR, 0.5), (codes.Occupation.MECHANIC, 0.5),
    (codes.Occupation.VILLAGE_OFFICIAL, 0.3), (codes.Occupation.HERDER, 1),
)
RELIGIONS = ((codes.Religion.ISLAM, 96.0), (codes.Religion.HINDU, 1.6), (codes.Religion.PROTESTANT, 1.3),
             (codes.Religion.CATHOLIC, 0.7), (codes.Religion.BUDDHIST, 0.3), (codes.Religion.CONFUCIAN, 0.1))


class NameSource:
    """Faker's id_ID name lists, drawn with our own seeded random stream (fast and deterministic)."""

    male = tuple(IndonesianNames.first_names_male)
    female = tuple(IndonesianNames.first_names_female)
    last = tuple(IndonesianNames.last_names)

    def __init__(self, rng):
        self.rng = rng

    def first_name_male(self):
        return self.rng.choice(self.male)

    def first_name_female(self):
        return self.rng.choice(self.female)

    def last_name(self):
        return self.rng.choice(self.last)


_CUMULATIVE = {}


def _pick(rng, pairs):
    key = id(pairs)
    cached = _CUMULATIVE.get(key) if isinstance(pairs, tuple) else None
    if cached is None:
        values, weights = zip(*pairs, strict=True)
        total, cum = 0, []
        for w in weights:
            total += w
            cum.append(total)
        cached = (values, cum)
        if isinstance(pairs, tuple):
            _CUMULATIVE[key] = cached
    return rng.choices(cached[0], cum_weights=cached[1])[0]


def _birth_date(rng, age: int) -> datetime.date:
    """A birth date such that the person is ``age`` on REFERENCE_DATE."""
    latest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
    return latest - datetime.timedelta(days=rng.randrange(0, 365))


@dataclass
class VillagePlan:
    code: str
    name: str
    district_code6: str
    poverty: float  # 0 (well-off) … 1 (poor): skews welfare deciles and drop-outs
    units: list = field(default_factory=list)  # [(dusun, rw, rt)] names


@dataclass
class Generator:
    seed: int
    serials: dict = field(default_factory=lambda: defaultdict(int))
    kk_serials: dict = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self):
        # Serials start at a seed-dependent offset so populations of different seeds rarely collide.
        self.serial_base = (self.seed * 7919) % 6000
        provinces_districts = _known_codes()[1]
        self.east_java = sorted(code for code in provinces_districts if code.startswith("35"))

    # --- plans -------------------------------------------------------------------------------
    def plan(self, village: Region) -> VillagePlan:
        rng = random.Random(f"{self.seed}:plan:{village.code}")
        plan = VillagePlan(village.code, village.name, village.code.replace(".", "")[:6],
                           poverty=rng.betavariate(2, 2.5))
        rw = rt = 0
        for dusun in rng.sample(DUSUN_NAMES, rng.randint(2, 5)):
            for _r in range(rng.randint(1, 3)):
                rw += 1
                for _t in range(rng.randint(2, 5)):
                    rt += 1
                    plan.units.append((dusun, f"{rw:03d}", f"{rt:03d}"))
        return plan

    def _nik(self, rng, plan, birth_date, sex):
        region6 = plan.district_code6 if rng.random() < 0.88 else rng.choice(self.east_java)
        # The serial counts within the NIK's 12-digit prefix, which holds only two digits of the year:
        # people born 100 years apart share it (at 1.7 M people that happened).
        # int(sex): callers pass Sex.MALE or 1; equal as dictionary keys but with different reprs, so
        # the serial's start (hashed from the repr) differed for one counter (7 duplicates at 1.7 M).
        key = (region6, birth_date.month, birth_date.day, birth_date.year % 100, int(sex))
        self.serials[key] += 1
        return make_nik(region6, birth_date, sex, self._serial(key, self.serials[key]))

    def _kk(self, rng, plan, registered):
        key = (plan.district_code6, registered.month, registered.day, registered.year % 100)
        self.kk_serials[key] += 1
        return make_kk(plan.district_code6, registered, self._serial(key, self.kk_serials[key]))

    def _serial(self, key, count):
        """1…9999, distinct for the first 9,999 numbers of a key, spread over the range (a constant
        start made every masked NIK end in the same four digits), deterministic for the seed."""
        start = zlib.crc32(f"{self.serial_base}:{key}".encode()) % 9999
        return (start + count - 1) % 9999 + 1

    # --- people ------------------------------------------------------------------------------
    def _person(self, rng, fake, plan, *, age, sex, relationship, marital, father="", mother="", surname=""):
        birth_date = _birth_date(rng, age)
        first = fake.first_name_male() if sex == codes.Sex.MALE else fake.first_name_female()
        name = f"{first} {surname}".strip() if surname and rng.random() < 0.5 else first
        if rng.random() < 0.45 and not surname:
            name = f"{first} {fake.first_name_male() if sex == codes.Sex.MALE else fake.first_name_female()}"
        person = {
            "nik": self._nik(rng, plan, birth_date, sex), "name": name.upper() if rng.random() < 0.2 else name,
            "sex": int(sex), "birth_place": "Banyuwangi" if rng.random() < 0.8 else plan.name.title(),
            "birth_date": birth_date, "religion": int(_pick(rng, RELIGIONS)),
            "education": int(self._education(rng, age)), "occupation": int(self._occupation(rng, age, sex,
                                                                                            relationship)),
            "marital_status": int(marital), "relationship": int(relationship),
            "citizenship": int(codes.Citizenship.WNI), "father_nik": "", "father_name": father,
            "mother_nik": "", "mother_name": mother,
            "blood_type": int(rng.choice([1, 2, 3, 4]) if rng.random() < 0.3 else codes.BloodType.UNKNOWN),
            "disability": int(rng.choice([1, 2, 3, 4, 6]) if rng.random() < 0.02 else codes.Disability.NONE),
            "life_status": int(codes.LifeStatus.ALIVE), "residence_status": int(codes.ResidenceStatus.PERMANENT),
            "phone": f"08{rng.choice(['12', '13', '21', '52', '57', '77', '95'])}{rng.randrange(10**7, 10**8)}"
            if age >= 17 and rng.random() < 0.35 else "",
            "email": "", "schooling": None,
        }
        if 7 <= age <= 18:
            person["schooling"] = self._schooling(rng, plan, age, person["disability"] != codes.Disability.NONE)
        return person

    def _education(self, rng, age):
        if age < 5:
            return codes.Education.NONE
        if age <= 12:
            return codes.Education.PRIMARY_UNFINISHED
        if age <= 15:
            return codes.Education.PRIMARY
        if age <= 18:
            return codes.Education.JUNIOR
        if age >= 60:
            weights = [(1, 18), (2, 20), (3, 40), (4, 10), (5, 9), (8, 3)]
        elif age >= 40:
            weights = [(1, 4), (2, 8), (3, 38), (4, 20), (5, 22), (6, 1), (7, 2), (8, 5)]
        else:
            weights = [(1, 1), (2, 2), (3, 17), (4, 23), (5, 42), (6, 2), (7, 3), (8, 9), (9, 1)]
        return _pick(rng, weights)

    def _occupation(self, rng, age, sex, relationship):
        if age < 5:
            return codes.Occupation.NONE
        if age <= 18:
            return codes.Occupation.STUDENT if rng.random() < 0.93 else codes.Occupation.NONE
        if age >= 65:
            return _pick(rng, [(codes.Occupation.NONE, 45), (codes.Occupation.FARMER, 30),
                               (codes.Occupation.RETIRED, 10), (codes.Occupation.TRADER, 5),
                               (codes.Occupation.HOMEMAKER, 10)])
        if relationship == codes.Relationship.WIFE and rng.random() < 0.5:
            return codes.Occupation.HOMEMAKER
        if age <= 22 and rng.random() < 0.4:
            return codes.Occupation.STUDENT
        return _pick(rng, ADULT_OCCUPATIONS)

    def _schooling(self, rng, plan, age, disabled):
        if disabled:
            level, grade = codes.SchoolLevel.SLB, None
        elif age <= 12:
            level, grade = codes.SchoolLevel.SD, age - 6
        elif age <= 15:
            level, grade = codes.SchoolLevel.SMP, age - 6
        else:
            level, grade = codes.SchoolLevel.SMA, min(age - 6, 12)
        dropout_rate = (0.005 if age <= 12 else 0.03 if age <= 15 else 0.07) * (0.5 + plan.poverty)
        school = {codes.SchoolLevel.SD: "SDN", codes.SchoolLevel.SMP: "SMPN", codes.SchoolLevel.SMA: "SMAN",
                  codes.SchoolLevel.SLB: "SLBN"}[level]
        row = {"level": level, "grade": grade, "school": f"{school} {rng.randint(1, 6)} {plan.name.title()}",
               "status": codes.SchoolStatus.ENROLLED, "dropout_reason": "", "dropout_date": None}
        if rng.random() < dropout_rate:
            row.update(status=codes.SchoolStatus.DROPPED_OUT, dropout_reason=rng.choice(DROPOUT_REASONS),
                       dropout_date=REFERENCE_DATE - datetime.timedelta(days=rng.randrange(30, 720)))
        return row

    def _head_age(self, rng):
        return _pick(rng, [(rng.randint(22, 29), 10), (rng.randint(30, 39), 22), (rng.randint(40, 49), 22),
                           (rng.randint(50, 59), 19), (rng.randint(60, 69), 15), (rng.randint(70, 90), 12)])

    def family(self, rng, fake, plan):
        """One family card with its members (dicts)."""
        head_age = self._head_age(rng)
        surname = fake.last_name() if rng.random() < 0.3 else ""
        members = []
        alone = (head_age >= 70 and rng.random() < 0.35) or (head_age < 40 and rng.random() < 0.08)
        couple = not alone and rng.random() < (0.92 if head_age < 60 else 0.7)
        head_sex = codes.Sex.MALE if couple or (not alone and rng.random() < 0.5) or (
            alone and rng.random() < 0.4) else codes.Sex.FEMALE
        head_marital = codes.MaritalStatus.MARRIED if couple else (
            codes.MaritalStatus.WIDOWED if head_age >= 55 else _pick(rng, [(1, 7), (3, 3)]))
        head = self._person(rng, fake, plan, age=head_age, sex=head_sex, relationship=codes.Relationship.HEAD,
                            marital=head_marital, surname=surname)
        members.append(head)
        spouse = None
        if couple:
            spouse_sex = codes.Sex.FEMALE if head_sex == codes.Sex.MALE else codes.Sex.MALE
            spouse_age = max(18, head_age + rng.randint(-8, 3))
            spouse = self._person(rng, fake, plan, age=spouse_age, sex=spouse_sex,
                                  relationship=codes.Relationship.WIFE if spouse_sex == codes.Sex.FEMALE
                                  else codes.Relationship.HUSBAND, marital=codes.MaritalStatus.MARRIED)
            members.append(spouse)
        if not alone:
            mother_age = spouse["birth_date"] if spouse and spouse["sex"] == codes.Sex.FEMALE else head["birth_date"]
            youngest_parent = min(head_age, (REFERENCE_DATE - mother_age).days // 365)
            max_child_age = min(youngest_parent - 19, 30 if head_age < 60 else 40)
            if max_child_age >= 0:
                n_children = _pick(rng, [(0, 8), (1, 22), (2, 34), (3, 22), (4, 10), (5, 4)])
                if head_age >= 60:
                    n_children = min(n_children, rng.choice([0, 0, 1, 1, 2]))
                father = head if head["sex"] == codes.Sex.MALE else spouse
                mother = spouse if head["sex"] == codes.Sex.MALE else head
                for _c in range(n_children):
                    lo = 0 if head_age < 60 else 15
                    age = rng.randint(min(lo, max_child_age), max_child_age)
                    sex = rng.choice([codes.Sex.MALE, codes.Sex.FEMALE])
                    members.append(self._person(
                        rng, fake, plan, age=age, sex=sex, relationship=codes.Relationship.CHILD,
                        marital=codes.MaritalStatus.SINGLE if age < 25 or rng.random() < 0.6
                        else codes.MaritalStatus.MARRIED,
                        father=father["name"] if father else "", mother=mother["name"] if mother else "",
                        surname=surname))
            if head_age >= 55 and rng.random() < 0.2:
                members.append(self._person(rng, fake, plan, age=rng.randint(0, 12), sex=rng.choice([1, 2]),
                                            relationship=codes.Relationship.GRANDCHILD,
                                            marital=codes.MaritalStatus.SINGLE))
            if 30 <= head_age <= 55 and rng.random() < 0.12:
                members.append(self._person(rng, fake, plan, age=min(95, head_age + rng.randint(22, 32)),
                                            sex=_pick(rng, [(1, 35), (2, 65)]),
                                            relationship=rng.choice([codes.Relationship.PARENT,
                                                                     codes.Relationship.PARENT_IN_LAW]),
                                            marital=codes.MaritalStatus.WIDOWED))
        registered = min(REFERENCE_DATE, _birth_date(rng, 0) - datetime.timedelta(days=rng.randrange(0, 15 * 365)))
        dusun, rw, rt = rng.choice(plan.units)
        decile = None
        if rng.random() < 0.6:
            poor = plan.poverty
            weights = [max(0.2, (1 - poor) * d + poor * (11 - d)) for d in range(1, 11)]
            decile = rng.choices(range(1, 11), weights=weights)[0]
            if alone and head_age >= 70:
                decile = min(decile, rng.randint(1, 4))
        return {
            "kk_number": self._kk(rng, plan, registered), "village": plan.code, "dusun": dusun, "rw": rw, "rt": rt,
            "address": f"{rng.choice(STREETS)} No. {rng.randint(1, 150)}, RT {rt}/RW {rw}",
            "welfare": (decile, codes.WelfareSource.DTSEN, datetime.date(2025, 6, 1)) if decile else None,
            "members": members,
        }

    def village_families(self, plan: VillagePlan, people: int):
        rng = random.Random(f"{self.seed}:people:{plan.code}")
        fake = NameSource(random.Random(f"{self.seed}:names:{plan.code}"))
        made = 0
        while made < people:
            family = self.family(rng, fake, plan)
            family["members"] = family["members"][: people - made]
            made += len(family["members"])
            yield family


def split_people(seed: int, villages: list[Region], people: int, fixed: dict | None = None) -> dict:
    """How many people each village gets: ``fixed`` counts first, the rest by seeded weights."""
    fixed = dict(fixed or {})
    rest = [v for v in villages if v.code not in fixed]
    remaining = max(0, people - sum(fixed.values()))
    rng = random.Random(f"{seed}:split")
    weights = [rng.lognormvariate(0, 0.45) * (1.4 if v.kind == "kelurahan" else 1.0) for v in rest]
    total = sum(weights) or 1
    counts = {v.code: int(remaining * w / total) for v, w in zip(rest, weights, strict=True)}
    short = remaining - sum(counts.values())
    for v in rest[:short]:
        counts[v.code] += 1
    counts.update(fixed)
    return {code: n for code, n in counts.items() if n > 0}


def generate(*, people: int, seed: int, villages: list[Region], fixed: dict | None = None):
    """Yield families (dicts) for ``people`` persons spread over ``villages`` (deterministic)."""
    generator = Generator(seed)
    counts = split_people(seed, villages, people, fixed)
    for village in sorted(villages, key=lambda v: v.code):
        if counts.get(village.code):
            plan = generator.plan(village)
            yield from generator.village_families(plan, counts[village.code])


def regency_villages(codes_filter=None, regency="35.10"):
    qs = Region.objects.within(regency).filter(level=Level.VILLAGE)
    if codes_filter:
        qs = qs.filter(code__in=codes_filter)
    return list(qs.order_by("code"))


# --- output: CSV in the import format ---------------------------------------------------------
def person_rows(families):
    """Flatten families into import-format rows (canonical field names)."""
    for family in families:
        for member in family["members"]:
            row = {k: v for k, v in member.items() if k != "schooling"}
            row.update(kk_number=family["kk_number"], village=family["village"], dusun=family["dusun"],
                       rw=family["rw"], rt=family["rt"], address=family["address"])
            yield row


def write_csv(families, path) -> int:
    """Write the rows in Balai's import template layout (the importer's column list)."""
    from balai.registry.importing import formats

    fields = [(f.balai, f.name) for f in formats.FIELDS if f.balai]
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([column for column, _name in fields])
        for row in person_rows(families):
            writer.writerow(["" if row.get(name) is None else (row[name].isoformat() if hasattr(
                row.get(name), "isoformat") else row[name]) for _column, name in fields])
            count += 1
    return count


# --- output: the database, set-based -----------------------------------------------------------
class UnitCache:
    """dusun/RW/RT ids per village, creating the generator's units where a village has none."""

    def __init__(self):
        self.by_village = {}

    def get(self, village_code, dusun, rw, rt):
        units = self.by_village.get(village_code)
        if units is None:
            units = self._load(village_code)
            self.by_village[village_code] = units
        found = units.get((dusun, rw, rt))
        if found is None and units.get("all"):
            # A village with its own dusun/RW/RT: spread families over them deterministically.
            found = units["all"][int(rt or 0) % len(units["all"])]
        return found

    def _load(self, village_code):
        existing = list(VillageUnit.objects.filter(village_id=village_code, kind=UnitKind.RT)
                        .select_related("parent", "parent__parent"))
        units = {}
        for rt in existing:
            rw = rt.parent
            dusun = rw.parent if rw else None
            units[(dusun.name if dusun else "", rw.name if rw else "", rt.name)] = (
                dusun.pk if dusun else None, rw.pk if rw else None, rt.pk)
        if existing:
            units["all"] = list(units.values())
        return units

    def ensure(self, plan: VillagePlan):
        """Create the plan's units in a village that has no RT yet (3 bulk inserts)."""
        if VillageUnit.objects.filter(village_id=plan.code, kind=UnitKind.RT).exists():
            return
        dusun_names = sorted({d for d, _rw, _rt in plan.units}, key=[d for d, _w, _t in plan.units].index)
        dusun = {d.name: d for d in VillageUnit.objects.bulk_create(
            [VillageUnit(village_id=plan.code, kind=UnitKind.DUSUN, name=name) for name in dusun_names])}
        rws = {}
        for d, rw, _rt in plan.units:
            rws.setdefault(rw, VillageUnit(village_id=plan.code, kind=UnitKind.RW, name=rw, parent=dusun[d]))
        VillageUnit.objects.bulk_create(rws.values())
        VillageUnit.objects.bulk_create([VillageUnit(village_id=plan.code, kind=UnitKind.RT, name=rt,
                                                     parent=rws[rw]) for _d, rw, rt in plan.units])
        self.by_village.pop(plan.code, None)


PERSON_COLUMNS = ["nik", "name", "sex", "birth_place", "birth_date", "religion", "education", "occupation",
                  "marital_status", "relationship", "citizenship", "father_nik", "father_name", "mother_nik",
                  "mother_name", "blood_type", "disability", "life_status", "residence_status", "phone", "email"]


def _raw_insert(model, columns, rows):
    """executemany of a plain INSERT: several times faster than building model instances."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _uuid():
    value = uuid.uuid4()
    return value.hex if connection.vendor == "sqlite" else value


def _insert_batch(batch, units: UnitCache):
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    family_rows = []
    for fam in batch:
        dusun_id, rw_id, rt_id = units.get(fam["village"], fam["dusun"], fam["rw"], fam["rt"]) or (None, None, None)
        fam["_units"] = (dusun_id, rw_id, rt_id)
        family_rows.append((_uuid(), fam["kk_number"], fam["address"], fam["village"], dusun_id, rw_id, rt_id,
                            now, now))
    _raw_insert(Family, ["public_id", "kk_number", "address", "village_id", "dusun_id", "rw_id", "rt_id",
                         "created_at", "updated_at"], family_rows)
    family_ids = dict(Family.objects.filter(kk_number__in=[f["kk_number"] for f in batch])
                      .values_list("kk_number", "id"))
    person_rows, schooling_for = [], {}
    for fam in batch:
        family_id = family_ids[fam["kk_number"]]
        for m in fam["members"]:
            row = [m[c] for c in PERSON_COLUMNS]
            row[4] = ops.adapt_datefield_value(m["birth_date"])
            person_rows.append((*row, _uuid(), False, normalise_name(m["name"]), fam["village"], fam["_units"][2],
                                family_id, now, now))
            if m["schooling"]:
                schooling_for[m["nik"]] = m["schooling"]
    _raw_insert(Person, [*PERSON_COLUMNS, "public_id", "nik_is_temporary", "name_search", "village_id", "rt_id",
                         "family_id", "created_at", "updated_at"], person_rows)
    ids = list(family_ids.values())
    Family.objects.filter(pk__in=ids).update(head_id=Subquery(
        Person.objects.filter(family_id=OuterRef("pk"), relationship=codes.Relationship.HEAD).values("pk")[:1]))
    _raw_insert(Welfare, ["public_id", "family_id", "decile", "source", "date", "created_at"], [
        (_uuid(), family_ids[fam["kk_number"]], fam["welfare"][0], str(fam["welfare"][1]),
         ops.adapt_datefield_value(fam["welfare"][2]), now) for fam in batch if fam["welfare"]])
    person_ids = dict(Person.objects.filter(nik__in=list(schooling_for)).values_list("nik", "id"))
    _raw_insert(Schooling, ["public_id", "person_id", "school", "level", "grade", "status", "dropout_reason",
                            "dropout_date", "updated"], [
        (_uuid(), person_ids[nik], row["school"], str(row["level"]), row["grade"], str(row["status"]),
         row["dropout_reason"], ops.adapt_datefield_value(row["dropout_date"]), now)
        for nik, row in schooling_for.items()])
    return len(person_rows)


def insert_population(*, people: int, seed: int, villages: list[Region], fixed: dict | None = None,
                      batch_people: int = 5000, progress=None) -> int:
    """Generate and insert; returns the number of persons inserted (one transaction per batch)."""
    generator = Generator(seed)
    counts = split_people(seed, villages, people, fixed)
    units = UnitCache()
    done = 0
    batch, in_batch = [], 0
    for village in sorted(villages, key=lambda v: v.code):
        if not counts.get(village.code):
            continue
        plan = generator.plan(village)
        with transaction.atomic():
            units.ensure(plan)
        for family in generator.village_families(plan, counts[village.code]):
            batch.append(family)
            in_batch += len(family["members"])
            if in_batch >= batch_people:
                with transaction.atomic():
                    done += _insert_batch(batch, units)
                batch, in_batch = [], 0
                if progress:
                    progress(done, people)
    if batch:
        with transaction.atomic():
            done += _insert_batch(batch, units)
        if progress:
            progress(done, people)
    return done
