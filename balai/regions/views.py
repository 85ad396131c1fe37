from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balai.core.access import allow, named, public, registered
from balai.core.audit import history_rows

from .forms import VillageUnitForm
from .hooks import village_office
from .models import Level, Region, UnitKind, VillageUnit
from .services import village_unit_create

# regions sits below accounts: its predicates and checks are reached by the names accounts registers.
staff = named("staff")
manage_village_units = named("manage_village_units")
oversight = named("oversight")


@public
def region_list(request):
    """The regency at a glance: its kecamatan with their number of desa and kelurahan."""
    regency = get_object_or_404(Region, code=settings.BALAI_REGENCY)
    districts = (
        Region.objects.filter(parent=regency)
        .annotate(
            desa=Count("children", filter=Q(children__kind="desa")),
            kelurahan=Count("children", filter=Q(children__kind="kelurahan")),
        )
        .order_by("code")
    )
    return render(request, "regions/region_list.html", {"regency": regency, "districts": districts})


@public
def region_detail(request, code):
    region = get_object_or_404(Region, code=code)
    if not region.is_within(settings.BALAI_REGENCY) and region.level > 2:
        # Balai serves one regency; others are reachable through the API only.
        raise PermissionDenied
    children = region.children.order_by("code")
    return render(request, "regions/region_detail.html", {
        "region": region, "children": children, "ancestors": region.ancestors(),
    })


def _village_for(request, code):
    village = get_object_or_404(Region, code=code, level=Level.VILLAGE)
    if not registered("covers")(request, village.code):
        raise PermissionDenied
    return village


@allow(staff)
def village(request, code):
    """A village's own page: its office, its dusun/RW/RT, and the history of changes to them."""
    village = _village_for(request, code)
    office = village_office(village)
    units = list(VillageUnit.objects.filter(village=village).select_related("parent", "parent__parent")
                 .order_by("kind", "name"))
    dusun = [u for u in units if u.kind == UnitKind.DUSUN]
    tree = [{"unit": d, "rws": [{"unit": rw, "rts": [rt for rt in units if rt.parent_id == rw.pk]}
                                for rw in units if rw.parent_id == d.pk]} for d in dusun]
    can_edit = manage_village_units(request)
    history = []
    if can_edit or oversight(request):
        records = VillageUnit.history.filter(village_id=village.code).select_related("history_user")[:20]
        history = [{"when": r.history_date, "who": r.history_user.display_name() if r.history_user else "sistem",
                    "type": {"+": _("dibuat"), "~": _("diubah"), "-": _("dihapus")}[r.history_type],
                    "what": f"{r.get_kind_display()} {r.name}"} for r in records]
    return render(request, "regions/village.html", {
        "village": village, "office": office, "tree": tree, "can_edit": can_edit,
        "form": VillageUnitForm(village=village) if can_edit else None, "history": history,
        "office_history": history_rows(office, limit=10) if office and oversight(request) else [],
        "unit_count": len(units),
    })


@allow(manage_village_units)
@require_POST
def unit_create(request, code):
    village = _village_for(request, code)
    form = VillageUnitForm(request.POST, village=village)
    if form.is_valid():
        data = form.cleaned_data
        try:
            unit = village_unit_create(actor=request.user, membership=request.membership, village=village,
                                       kind=data["kind"], name=data["name"], parent=data.get("parent"),
                                       head_name=data.get("head_name", ""))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(unit)s ditambahkan.") % {"unit": unit})
    else:
        for _field, errors in form.errors.items():
            for error in errors:
                messages.error(request, error)
    return redirect("regions:village", code=village.code)
