"""Writes to the register. Views, API, commands and the importer all call these functions.

Each is keyword-only, transactional and raises ``ValidationError`` with a message a village operator
can act on (Indonesian). NIK warnings (birth date/sex disagreement, old region code) never block;
they are returned on ``person.warnings``.

Who may write is checked here, once, by ``check_register_edit``: a write made by a person
(``actor`` or ``membership`` given — views and the API pass ``actor=request.user,
membership=request.membership``) is refused with ``PermissionDenied`` unless that membership is the
operator or secretary of the record's own village office. A write with neither is a system write
(the importer, the demo, management commands), which have no acting office.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from balai.accounts import permissions as perms

from . import codes
from .identity import check_kk, check_nik, normalise_number, temporary_number
from .models import Family, Household, LifeEvent, Person, Schooling, Welfare, normalise_name
from .signals import person_left

PERSON_FIELDS = {
    "name", "sex", "birth_place", "birth_date", "religion", "education", "occupation", "marital_status",
    "citizenship", "blood_type", "disability", "relationship", "father_name", "mother_name", "father_nik",
    "mother_nik", "phone", "email", "residence_status", "rt", "family",
}
FAMILY_FIELDS = {"address", "dusun", "rw", "rt", "head", "household"}
LEAVING_EVENTS = {codes.LifeEventKind.DEATH, codes.LifeEventKind.MOVE_OUT}


def check_register_edit(*, actor=None, membership, village_code: str) -> None:
    """Refuse (``PermissionDenied``) unless ``membership`` may change the register of ``village_code``:
    the operator or secretary of that village's own office (``registry.permissions.edit_persons``),
    acting as ``actor`` when one is named."""
    from .permissions import edit_persons

    allowed = (perms.holds(edit_persons, membership) and membership.covers(village_code)
               and (actor is None or membership.user_id == actor.pk))
    if not allowed:
        raise PermissionDenied(_("Anda tidak berwenang mengubah data penduduk desa ini; hanya operator atau "
                                 "sekretaris desa tersebut yang dapat mengubahnya."))


def _check_writer(actor, membership, village_code: str) -> None:
    if actor is None and membership is None:
        return  # a system write: the importer, the demo, a management command
    check_register_edit(actor=actor, membership=membership, village_code=village_code)


def _with_actor(obj, actor):
    if actor is not None and getattr(actor, "is_authenticated", False):
        obj._history_user = actor
    return obj


def _duplicate_nik_error():
    return ValidationError({"nik": [_("NIK ini sudah terdaftar pada penduduk lain. Cari NIK tersebut dulu; "
                                      "satu orang hanya boleh tercatat sekali.")]})


def next_temporary_number(village_code: str) -> str:
    """Next free temporary number of the village (``0`` + village code + sequence)."""
    prefix = "0" + village_code.replace(".", "")
    last = (Person.objects.filter(nik__startswith=prefix).order_by("-nik").values_list("nik", flat=True).first())
    sequence = int(last[11:]) + 1 if last else 1
    return temporary_number(village_code, sequence)


def _check_person_nik(nik, *, birth_date, sex, exclude_pk=None):
    check = check_nik(nik, birth_date=birth_date, sex=sex)
    if check.errors:
        raise ValidationError({"nik": check.errors})
    duplicates = Person.objects.filter(nik=check.number)
    if exclude_pk:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        raise _duplicate_nik_error()
    return check


def _validate_person(person):
    errors = {}
    if not normalise_name(person.name):
        errors["name"] = [_("Nama wajib diisi.")]
    if person.birth_date and person.birth_date > datetime.date.today():
        errors["birth_date"] = [_("Tanggal lahir tidak boleh di masa depan.")]
    if person.family_id and person.family.village_id != person.village_id:
        errors["family"] = [_("Keluarga (KK) ini terdaftar di desa lain.")]
    if person.rt_id and person.rt.village_id != person.village_id:
        errors["rt"] = [_("RT ini milik desa lain.")]
    if errors:
        raise ValidationError(errors)


def _save_unique(obj, *, force_insert=False):
    """Save; a concurrent insert of the same NIK/KK number hits the unique index and becomes a message."""
    try:
        with transaction.atomic():
            obj.save(force_insert=force_insert)
    except IntegrityError as exc:
        if isinstance(obj, Person):
            raise _duplicate_nik_error() from exc
        raise ValidationError({"kk_number": [_("Nomor KK ini sudah terdaftar.")]}) from exc


@transaction.atomic
def person_create(*, actor=None, membership=None, village, nik: str = "", temporary: bool = False, name: str, sex, birth_date,
                  event_kind: str | None = None, event_date: datetime.date | None = None, **fields) -> Person:
    """Register a resident. Without a NIK (``temporary=True``) a flagged temporary number is given.

    ``event_kind`` birth or move_in also records that life event on ``event_date``."""
    unknown = set(fields) - PERSON_FIELDS
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    _check_writer(actor, membership, village.code)
    person = Person(village=village, name=" ".join(str(name).split()), sex=int(sex), birth_date=birth_date, **fields)
    warnings = []
    if temporary or not normalise_number(nik):
        if not temporary:
            raise ValidationError({"nik": [_("NIK wajib diisi. Bila warga belum punya NIK, centang “nomor sementara”.")]})
        person.nik, person.nik_is_temporary = next_temporary_number(village.code), True
        warnings.append(_("Diberi nomor sementara %(number)s; ganti dengan NIK asli bila sudah terbit.") % {
            "number": person.nik})
    else:
        check = _check_person_nik(nik, birth_date=birth_date, sex=sex)
        person.nik, person.nik_is_temporary = check.number, False
        warnings += check.warnings
    _validate_person(person)
    _save_unique(_with_actor(person, actor), force_insert=True)
    family = person.family
    if family is not None and family.head_id is None and person.relationship == codes.Relationship.HEAD:
        family.head = person
        _with_actor(family, actor).save(update_fields=["head", "updated_at"])
    if event_kind in (codes.LifeEventKind.BIRTH, codes.LifeEventKind.MOVE_IN):
        LifeEvent.objects.create(person=person, kind=event_kind, date=event_date or datetime.date.today(),
                                 recorded_by=actor if getattr(actor, "is_authenticated", False) else None)
    person.warnings = warnings
    return person


@transaction.atomic
def person_update(*, actor=None, membership=None, person: Person, nik: str | None = None, **fields) -> Person:
    """Change a resident's data; replacing a temporary number by the real NIK clears the flag."""
    unknown = set(fields) - PERSON_FIELDS - {"name", "sex", "birth_date"}
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    _check_writer(actor, membership, person.village_id)
    person = Person.objects.select_for_update().get(pk=person.pk)
    for key, value in fields.items():
        setattr(person, key, value)
    if "name" in fields:
        person.name = " ".join(str(person.name).split())
    warnings = []
    new_nik = normalise_number(nik) if nik is not None else person.nik
    if new_nik != person.nik:
        check = _check_person_nik(new_nik, birth_date=person.birth_date, sex=person.sex, exclude_pk=person.pk)
        warnings += check.warnings
        person.nik, person.nik_is_temporary = check.number, check.temporary
    elif not person.nik_is_temporary:
        # Same NIK: only tell the operator when it now disagrees with birth date or sex.
        warnings += check_nik(person.nik, birth_date=person.birth_date, sex=person.sex).warnings
    _validate_person(person)
    _save_unique(_with_actor(person, actor))
    person.warnings = warnings
    return person


@transaction.atomic
def family_create(*, actor=None, membership=None, village, kk_number: str, address: str = "", dusun=None, rw=None,
                  rt=None, head=None, household=None) -> Family:
    _check_writer(actor, membership, village.code)
    check = check_kk(kk_number)
    if check.errors:
        raise ValidationError({"kk_number": check.errors})
    if Family.objects.filter(kk_number=check.number).exists():
        raise ValidationError({"kk_number": [_("Nomor KK ini sudah terdaftar.")]})
    for unit in (dusun, rw, rt):
        if unit is not None and unit.village_id != village.code:
            raise ValidationError({"rt": [_("Dusun/RW/RT harus milik desa yang sama dengan keluarga.")]})
    family = Family(village=village, kk_number=check.number, address=address.strip(), dusun=dusun, rw=rw, rt=rt,
                    head=head, household=household)
    _save_unique(_with_actor(family, actor), force_insert=True)
    family.warnings = check.warnings
    return family


@transaction.atomic
def family_update(*, actor=None, membership=None, family: Family, kk_number: str | None = None, **fields) -> Family:
    """Change a family card; a new KK number (split/reissue) is allowed and the history keeps the old one."""
    unknown = set(fields) - FAMILY_FIELDS
    if unknown:
        raise TypeError(f"unknown family fields: {sorted(unknown)}")
    _check_writer(actor, membership, family.village_id)
    family = Family.objects.select_for_update().get(pk=family.pk)
    warnings = []
    if kk_number is not None and normalise_number(kk_number) != family.kk_number:
        check = check_kk(kk_number)
        if check.errors:
            raise ValidationError({"kk_number": check.errors})
        if Family.objects.filter(kk_number=check.number).exclude(pk=family.pk).exists():
            raise ValidationError({"kk_number": [_("Nomor KK ini sudah terdaftar.")]})
        family.kk_number = check.number
        warnings = check.warnings
    for key, value in fields.items():
        setattr(family, key, value)
    head = fields.get("head")
    if head is not None and head.family_id != family.pk:
        raise ValidationError({"head": [_("Kepala keluarga harus anggota keluarga ini.")]})
    _save_unique(_with_actor(family, actor))
    family.warnings = warnings
    return family


@transaction.atomic
def household_join(*, actor=None, membership=None, family: Family, other_kk: str) -> Household:
    """Record that ``family`` lives in one house with the family holding KK ``other_kk`` (same village).
    Both end up in one household: the other family's, or a new one headed by the other family's head.
    A household is recorded only where it differs from a family, so it always holds two or more."""
    _check_writer(actor, membership, family.village_id)
    number = normalise_number(other_kk)
    # Looked up in this family's village only: the answer never tells whether a KK exists elsewhere.
    other_id = Family.objects.filter(kk_number=number, village_id=family.village_id).values_list(
        "pk", flat=True).first()
    if other_id is None:
        raise ValidationError({"other_kk": [_("Nomor KK %(kk)s tidak terdaftar di desa ini. Periksa lagi nomornya; "
                                              "satu rumah tangga hanya memuat keluarga dari desa yang sama.") % {
            "kk": number or other_kk}]})
    if other_id == family.pk:
        raise ValidationError({"other_kk": [_("Itu nomor KK keluarga ini sendiri; isi nomor KK keluarga lain "
                                              "yang tinggal serumah.")]})
    # Both rows locked in id order, so two operators joining the same two families cannot deadlock.
    locked = {f.pk: f for f in Family.objects.select_for_update(of=("self",)).select_related("household")
              .filter(pk__in=[family.pk, other_id]).order_by("pk")}
    family, other = locked[family.pk], locked[other_id]
    if family.household_id is not None and family.household_id == other.household_id:
        raise ValidationError({"other_kk": [_("Kedua keluarga sudah tercatat dalam satu rumah tangga.")]})
    household = other.household
    if household is None:
        household = Household(village_id=other.village_id, head_id=other.head_id, address=other.address)
        _with_actor(household, actor).save()
        other.household = household
        _with_actor(other, actor).save(update_fields=["household", "updated_at"])
    previous = family.household
    family.household = household
    _with_actor(family, actor).save(update_fields=["household", "updated_at"])
    if previous is not None:
        _household_after_leaving(previous, family, actor)
    return household


@transaction.atomic
def household_leave(*, actor=None, membership=None, family: Family) -> None:
    """Record that ``family`` no longer shares a house with other families."""
    _check_writer(actor, membership, family.village_id)
    family = Family.objects.select_for_update(of=("self",)).select_related("household").get(pk=family.pk)
    previous = family.household
    if previous is None:
        raise ValidationError({"leave": [_("Keluarga ini tidak tercatat serumah dengan keluarga lain.")]})
    family.household = None
    _with_actor(family, actor).save(update_fields=["household", "updated_at"])
    _household_after_leaving(previous, family, actor)


def _household_after_leaving(household: Household, family: Family, actor) -> None:
    """After ``family`` left: a household of one family is no longer recorded; a household whose head
    left takes the head of the first remaining family."""
    rest = list(household.families.select_for_update().order_by("id"))
    if len(rest) <= 1:
        for remaining in rest:
            remaining.household = None
            _with_actor(remaining, actor).save(update_fields=["household", "updated_at"])
        _with_actor(household, actor).delete()
        return
    if household.head_id is None or household.head_id == family.head_id:
        household.head_id = rest[0].head_id
        _with_actor(household, actor).save(update_fields=["head"])


@transaction.atomic
def life_event_record(*, actor=None, membership=None, kind: str, date: datetime.date, person: Person | None = None,
                      family: Family | None = None, child: dict | None = None, note: str = "",
                      destination: str = "") -> LifeEvent:
    """Record a life event and apply it to the register.

    * birth: ``family`` and ``child`` (name, sex, birth_date defaults to ``date``, optional nik) — the
      child is added to the family (a temporary number if it has no NIK yet);
    * death closes the record; move_out closes the residence (leaves the family's active members);
      missing / left likewise; move_in brings a person who had left back as a resident.
    A death or move-out sends ``person_left`` after commit."""
    kind = codes.LifeEventKind(kind)
    record = family if kind == codes.LifeEventKind.BIRTH else person
    if record is not None:
        _check_writer(actor, membership, record.village_id)
    if date > datetime.date.today():
        raise ValidationError({"date": [_("Tanggal peristiwa tidak boleh di masa depan.")]})
    if kind == codes.LifeEventKind.BIRTH:
        if family is None:
            raise ValidationError({"family": [_("Kelahiran harus dicatat pada sebuah keluarga (KK).")]})
        data = dict(child or {})
        nik = data.pop("nik", "") or ""
        data.setdefault("birth_date", date)
        data.setdefault("relationship", codes.Relationship.CHILD)
        data.setdefault("rt", family.rt)
        newborn = person_create(actor=actor, membership=membership, village=family.village, family=family, nik=nik,
                                temporary=not normalise_number(nik), **data)
        event = LifeEvent.objects.create(person=newborn, kind=kind, date=date, note=note,
                                         previous_life_status=None, recorded_by=_user(actor))
        event.warnings = newborn.warnings
        return event
    if person is None:
        raise ValidationError({"person": [_("Pilih penduduk yang mengalami peristiwa ini.")]})
    person = Person.objects.select_for_update().get(pk=person.pk)
    new_status = codes.EVENT_LIFE_STATUS[kind]
    if kind == codes.LifeEventKind.MOVE_IN:
        if person.life_status == codes.LifeStatus.ALIVE:
            raise ValidationError({"kind": [_("Penduduk ini sudah tercatat sebagai warga aktif.")]})
        if person.life_status == codes.LifeStatus.DEAD:
            raise ValidationError({"kind": [_("Penduduk ini tercatat meninggal; pindah datang tidak mungkin.")]})
    elif person.life_status != codes.LifeStatus.ALIVE:
        raise ValidationError({"kind": [_("Penduduk ini sudah tidak aktif (%(status)s); peristiwa tidak dapat "
                                          "dicatat.") % {"status": person.get_life_status_display()}]})
    if date < person.birth_date:
        raise ValidationError({"date": [_("Tanggal peristiwa sebelum tanggal lahir.")]})
    event = LifeEvent.objects.create(person=person, kind=kind, date=date, note=note, destination=destination,
                                     previous_life_status=person.life_status, recorded_by=_user(actor))
    person.life_status = new_status
    _with_actor(person, actor).save(update_fields=["life_status", "updated_at"])
    event.warnings = []
    if person.family_id and person.family.head_id == person.pk and new_status != codes.LifeStatus.ALIVE:
        event.warnings.append(_("Orang ini kepala keluarga: tetapkan kepala keluarga baru pada kartu keluarga."))
    if kind in LEAVING_EVENTS:
        transaction.on_commit(lambda: person_left.send(sender=Person, person=person, event=event))
    return event


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def welfare_record(*, actor=None, membership=None, family: Family, decile: int, source: str,
                   date: datetime.date) -> Welfare:
    _check_writer(actor, membership, family.village_id)
    if not 1 <= int(decile) <= 10:
        raise ValidationError({"decile": [_("Desil harus antara 1 dan 10.")]})
    welfare = Welfare(family=family, decile=int(decile), source=codes.WelfareSource(source), date=date)
    _with_actor(welfare, actor).save()
    return welfare


@transaction.atomic
def schooling_record(*, actor=None, membership=None, person: Person, level: str,
                     status: str = codes.SchoolStatus.ENROLLED, school: str = "", grade: int | None = None,
                     dropout_reason: str = "", dropout_date: datetime.date | None = None) -> Schooling:
    _check_writer(actor, membership, person.village_id)
    status = codes.SchoolStatus(status)
    if status == codes.SchoolStatus.DROPPED_OUT and not dropout_date:
        raise ValidationError({"dropout_date": [_("Isi tanggal putus sekolah.")]})
    schooling = Schooling.objects.filter(person=person).order_by("-updated", "-id").first() or Schooling(person=person)
    schooling.level, schooling.status, schooling.school, schooling.grade = codes.SchoolLevel(level), status, school, grade
    schooling.dropout_reason = dropout_reason if status == codes.SchoolStatus.DROPPED_OUT else ""
    schooling.dropout_date = dropout_date if status == codes.SchoolStatus.DROPPED_OUT else None
    _with_actor(schooling, actor).save()
    return schooling


@transaction.atomic
def citizen_link(*, user, nik: str, kk_number: str, birth_date: datetime.date) -> Person:
    """Link a citizen account to its record: NIK, KK number and birth date must all match.

    The message never says which of the three was wrong (no probing of other people's data)."""
    if not getattr(user, "is_citizen", False):
        raise ValidationError(_("Hanya akun warga yang dapat ditautkan ke data kependudukan."))
    if Person.objects.filter(user=user).exists():
        raise ValidationError(_("Akun ini sudah tertaut ke data kependudukan."))
    mismatch = ValidationError(_("Data tidak cocok dengan register. Periksa NIK, nomor KK dan tanggal lahir "
                                 "sesuai kartu keluarga, atau hubungi kantor desa."))
    person = (Person.objects.select_for_update().select_related("family")
              .filter(nik=normalise_number(nik), birth_date=birth_date, life_status=codes.LifeStatus.ALIVE,
                      family__kk_number=normalise_number(kk_number)).first())
    if person is None:
        raise mismatch
    if person.user_id and person.user_id != user.pk:
        raise ValidationError(_("Data ini sudah tertaut ke akun lain. Hubungi kantor desa."))
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    return person
