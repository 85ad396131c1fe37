"""Registry screens: search-first list, person and family pages, forms, life events, statistics,
and the citizen's own record. Thin: reads through selectors, writes through services."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from balai.accounts import permissions as perms
from balai.core.access import allow
from balai.core.audit import history_rows, log_access
from balai.core.ratelimit import attempt_allowed, too_many_attempts_message
from balai.regions.models import Level, Region, UnitKind, VillageUnit

from . import codes, selectors, services
from . import permissions as rperms
from .forms import (
    BirthForm,
    CitizenLinkForm,
    FamilyForm,
    HouseholdForm,
    LifeEventForm,
    PersonForm,
    SchoolingForm,
    WelfareForm,
)
from .identity import check_nik
from .statistics import statistics_for

PAGE_SIZE = 25
CURSOR_SALT = "registry.search"


def _cursor_dump(cursor):
    return signing.dumps(list(cursor), salt=CURSOR_SALT, compress=True) if cursor else ""


def _cursor_load(token):
    if not token:
        return None
    try:
        name, pk = signing.loads(token, salt=CURSOR_SALT)
        return str(name), int(pk)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def _own_village(request):
    membership = getattr(request, "membership", None)
    if membership is None or membership.office.kind != "village":
        raise PermissionDenied
    return membership.office.region


def _by(request) -> dict:
    """Who writes: the services check that this membership may change the record's village."""
    return {"actor": request.user, "membership": request.membership}


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error.messages)


@allow(rperms.read_persons)
def search(request):
    """Search first: one box for NIK, KK number or name, filters, keyset pages (no COUNT(*))."""
    flt = selectors.PersonFilter.from_params(request.GET)
    size = PAGE_SIZE
    if (request.GET.get("size") or "").isdigit():
        size = max(5, min(100, int(request.GET["size"])))
    # Only what the results table shows (and the keyset cursor needs): a page is 25 rows.
    qs = selectors.search_persons(request, flt).select_related("village").only(
        "id", "public_id", "name", "name_search", "nik", "nik_is_temporary", "sex", "birth_date", "life_status",
        "village__code", "village__name")
    rows, cursor = selectors.keyset_page(qs, after=_cursor_load(request.GET.get("after")), size=size)
    scope = selectors.scope_of(request) or ""
    params = request.GET.copy()
    params.pop("after", None)
    next_query = ""
    if cursor:
        params["after"] = _cursor_dump(cursor)
        next_query = params.urlencode()
    # Filter choices as plain rows (a search page is rendered on every keystroke).
    # The dusun of the chosen village, only when that village lies in the user's scope (another
    # village's dusun names are not this user's to read).
    unit_village = flt.village if flt.village and perms.covers(request, flt.village) else scope
    dusun = list(VillageUnit.objects.filter(village_id=unit_village, kind=UnitKind.DUSUN)
                 .order_by("name").values("pk", "name")) if unit_village.count(".") == 3 else []
    # Region filter: the kecamatan of a regency office, the villages of a kecamatan office.
    villages = list(Region.objects.filter(parent_id=scope).order_by("code").values("code", "name")) if (
        scope and scope.count(".") < 3) else []
    context = {
        "rows": rows, "flt": flt, "next_query": next_query, "size": size, "dusun": dusun, "villages": villages,
        "sexes": codes.Sex.choices, "statuses": codes.LifeStatus.choices,
        "bands": [(f"{lo}-{hi}", codes.age_band_label(lo, hi)) for lo, hi in codes.AGE_BANDS],
        "can_add": rperms.edit_persons(request), "first_page": not request.GET.get("after"),
    }
    if request.headers.get("HX-Request"):
        return render(request, "registry/_results.html", context)
    return render(request, "registry/search.html", context)


def _out_of_scope(model, public_id):
    """403 for a record that exists outside the caller's scope, 404 for one that does not exist."""
    if model.objects.filter(public_id=public_id).exists():
        raise PermissionDenied
    raise Http404


def _person_or_404(request, public_id):
    person = selectors.person_for_request(request, public_id)
    if person is None:
        _out_of_scope(selectors.Person, public_id)
    return person


def _family_or_404(request, public_id):
    family = selectors.family_for_request(request, public_id)
    if family is None:
        _out_of_scope(selectors.Family, public_id)
    return family


@allow(rperms.read_persons | rperms.citizen)
def person_detail(request, public_id):
    person = _person_or_404(request, public_id)
    log_access(request, obj=person, label=person.name, region_code=person.village_id)
    family = person.family
    members = list(selectors.family_members(family)) if family else []
    return render(request, "registry/person.html", {
        "person": person, "family": family, "members": members,
        "events": person.events.select_related("recorded_by").order_by("-date", "-id")[:50],
        "welfare": selectors.latest_welfare(family),
        "schooling": person.schooling.order_by("-updated", "-id")[:5],
        "history": history_rows(person, limit=30) if not perms.citizen(request) else [],
        "can_edit": selectors.can_edit_village(request, person.village_id),
        "age": person.age_on(datetime.date.today()),
        "nik_check": check_nik(person.nik, birth_date=person.birth_date, sex=person.sex),
    })


@allow(rperms.read_persons | rperms.citizen)
def family_detail(request, public_id):
    family = _family_or_404(request, public_id)
    log_access(request, obj=family, label=f"KK {family.kk_number}", region_code=family.village_id)
    members = list(selectors.family_members(family))
    return render(request, "registry/family.html", {
        "family": family, "active": [m for m in members if m.life_status == codes.LifeStatus.ALIVE],
        "former": [m for m in members if m.life_status != codes.LifeStatus.ALIVE],
        "welfare": family.welfare.order_by("-date", "-id")[:10],
        "household": family.household, "household_families": selectors.household_families(family),
        "history": history_rows(family, limit=20) if not perms.citizen(request) else [],
        "can_edit": selectors.can_edit_village(request, family.village_id),
    })


@allow(rperms.edit_persons)
def person_create(request):
    village = _own_village(request)
    initial = {}
    family = None
    try:
        wanted = uuid.UUID(request.GET.get("family", ""))
    except ValueError:
        wanted = None
    if wanted:
        family = selectors.family_for_request(request, wanted)
        if family is not None:
            initial = {"family": family, "relationship": codes.Relationship.CHILD, "rt": family.rt}
    form = PersonForm(request.POST or None, village=village, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(**_by(request), village=village, nik=form.cleaned_data["nik"],
                                            temporary=form.cleaned_data.get("temporary", False),
                                            **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Penduduk %(name)s tersimpan.") % {"name": person.name})
            for warning in person.warnings:
                messages.warning(request, warning)
            return redirect("registry:person", public_id=person.public_id)
    return render(request, "registry/person_form.html", {"form": form, "village": village, "person": None})


@allow(rperms.edit_persons)
def person_edit(request, public_id):
    person = _person_or_404(request, public_id)
    form = PersonForm(request.POST or None, instance=person, village=person.village)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_update(**_by(request), person=person, nik=form.cleaned_data["nik"],
                                            **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            for warning in person.warnings:
                messages.warning(request, warning)
            return redirect("registry:person", public_id=person.public_id)
    return render(request, "registry/person_form.html", {"form": form, "village": person.village, "person": person})


@allow(rperms.edit_persons)
def nik_check(request):
    """Live validation (htmx): errors and warnings for the NIK as typed, against birth date and sex."""
    birth_date = None
    try:
        birth_date = datetime.date.fromisoformat(request.GET.get("birth_date", ""))
    except ValueError:
        pass
    sex = request.GET.get("sex")
    check = None
    if (request.GET.get("nik") or "").strip():
        check = check_nik(request.GET["nik"], birth_date=birth_date,
                          sex=int(sex) if sex in ("1", "2") else None)
        if check.ok and not check.temporary:
            # Only within the register this user may read (their own village): a cheap, repeatable
            # look-up must not tell whether a NIK exists elsewhere. A NIK taken in another village is
            # refused when the form is saved, without saying where or whose (docs/registry.md).
            exists = selectors.persons_visible_to(request).filter(nik=check.number)
            try:
                exists = exists.exclude(public_id=uuid.UUID(request.GET.get("person", "")))
            except ValueError:
                pass
            if exists.exists():
                check.errors.append(_("NIK ini sudah terdaftar pada penduduk lain."))
    return render(request, "registry/_nik_check.html", {"check": check})


@allow(rperms.edit_persons)
def family_create(request):
    village = _own_village(request)
    form = FamilyForm(request.POST or None, village=village)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            family = services.family_create(**_by(request), village=village, kk_number=data["kk_number"],
                                            address=data["address"], dusun=data["dusun"], rw=data["rw"],
                                            rt=data["rt"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Kartu keluarga tersimpan. Tambahkan anggotanya."))
            for warning in family.warnings:
                messages.warning(request, warning)
            return redirect("registry:family", public_id=family.public_id)
    return render(request, "registry/family_form.html", {"form": form, "family": None})


@allow(rperms.edit_persons)
def family_edit(request, public_id):
    family = _family_or_404(request, public_id)
    form = FamilyForm(request.POST or None, instance=family, village=family.village)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.family_update(**_by(request), family=family, kk_number=data["kk_number"],
                                   address=data["address"], dusun=data["dusun"], rw=data["rw"], rt=data["rt"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Perubahan kartu keluarga tersimpan."))
            return redirect("registry:family", public_id=family.public_id)
    return render(request, "registry/family_form.html", {"form": form, "family": family})


@allow(rperms.edit_persons)
def event_create(request, public_id):
    person = _person_or_404(request, public_id)
    form = LifeEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.life_event_record(**_by(request), person=person, kind=data["kind"], date=data["date"],
                                               note=data["note"], destination=data["destination"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Peristiwa %(kind)s tercatat.") % {"kind": event.get_kind_display()})
            for warning in event.warnings:
                messages.warning(request, warning)
            return redirect("registry:person", public_id=person.public_id)
    return render(request, "registry/event_form.html", {"form": form, "person": person})


@allow(rperms.edit_persons)
def birth_create(request, public_id):
    family = _family_or_404(request, public_id)
    form = BirthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        date, note = data.pop("date"), data.pop("note")
        try:
            event = services.life_event_record(**_by(request), kind=codes.LifeEventKind.BIRTH, date=date,
                                               family=family, child=data, note=note)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Kelahiran %(name)s tercatat.") % {"name": event.person.name})
            for warning in event.warnings:
                messages.warning(request, warning)
            return redirect("registry:family", public_id=family.public_id)
    return render(request, "registry/birth_form.html", {"form": form, "family": family})


@allow(rperms.edit_persons)
def welfare_create(request, public_id):
    family = _family_or_404(request, public_id)
    form = WelfareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.welfare_record(**_by(request), family=family, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Status kesejahteraan tersimpan."))
            return redirect("registry:family", public_id=family.public_id)
    return render(request, "registry/simple_form.html", {
        "form": form, "title": _("Status kesejahteraan"), "subject": f"KK {family.kk_number}",
        "back": f"/keluarga/{family.public_id}/"})


@allow(rperms.edit_persons)
def household_edit(request, public_id):
    """Which other families of the village live in the same house (a household, rumah tangga)."""
    family = _family_or_404(request, public_id)
    form = HouseholdForm(request.POST or None, in_household=family.household_id is not None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data.get("leave"):
                services.household_leave(**_by(request), family=family)
                messages.success(request, _("Keluarga ini tidak lagi tercatat serumah dengan keluarga lain."))
            else:
                services.household_join(**_by(request), family=family, other_kk=form.cleaned_data["other_kk"])
                messages.success(request, _("Rumah tangga tersimpan."))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("registry:family", public_id=family.public_id)
    return render(request, "registry/household_form.html", {
        "form": form, "family": family, "others": selectors.household_families(family),
        "title": _("Rumah tangga"), "subject": f"KK {family.kk_number}", "back": family.get_absolute_url()})


@allow(rperms.edit_persons)
def schooling_update(request, public_id):
    person = _person_or_404(request, public_id)
    current = person.schooling.order_by("-updated", "-id").first()
    initial = {k: getattr(current, k) for k in ("level", "school", "grade", "status", "dropout_reason",
                                                "dropout_date")} if current else {}
    form = SchoolingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.schooling_record(**_by(request), person=person, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Data sekolah tersimpan."))
            return redirect("registry:person", public_id=person.public_id)
    return render(request, "registry/simple_form.html", {
        "form": form, "title": _("Data sekolah"), "subject": person.name, "back": f"/penduduk/{person.public_id}/"})


@allow(rperms.view_statistics)
def statistics(request):
    """Population by sex × age band, education, occupation, religion, welfare decile."""
    scope = selectors.scope_of(request) or settings.BALAI_REGENCY
    code = (request.GET.get("region") or scope).strip()
    region = get_object_or_404(Region, code=code)
    if not perms.covers(request, region.code):
        raise PermissionDenied
    children = Region.objects.filter(parent=region).order_by("code") if region.level < Level.VILLAGE else []
    stats = statistics_for(region)
    tables = [(_("Pendidikan"), stats["education"]), (_("Pekerjaan"), stats["occupation"]),
              (_("Agama"), stats["religion"]), (_("Status perkawinan"), stats["marital"])]
    return render(request, "registry/statistics.html", {
        "region": region, "stats": stats, "tables": tables, "children": children,
        "ancestors": [a for a in region.ancestors() if perms.covers(request, a.code)],
    })


@allow(rperms.citizen)
def citizen_link(request):
    person = selectors.Person.objects.filter(user=request.user).first()
    if person is not None:
        return redirect("registry:my_record")
    form = CitizenLinkForm(request.POST or None)
    if request.method == "POST" and not attempt_allowed(request, "citizen_link"):
        form.add_error(None, too_many_attempts_message("citizen_link"))
        return render(request, "registry/citizen_link.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            services.citizen_link(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Akun Anda sudah tertaut ke data kependudukan."))
            return redirect("registry:my_record")
    return render(request, "registry/citizen_link.html", {"form": form})


@allow(rperms.citizen)
def my_record(request):
    person = (selectors.persons_visible_to(request).filter(user=request.user)
              .select_related("village", "village__parent", "family", "rt").first())
    if person is None:
        return redirect("registry:citizen_link")
    log_access(request, obj=person, label=person.name, region_code=person.village_id)
    members = list(selectors.family_members(person.family)) if person.family else []
    return render(request, "registry/my_record.html", {
        "person": person, "members": members, "welfare": selectors.latest_welfare(person.family),
        "events": person.events.order_by("-date", "-id")[:20],
        "schooling": person.schooling.order_by("-updated", "-id")[:5],
    })
