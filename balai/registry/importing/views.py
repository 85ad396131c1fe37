"""Upload (background import with progress), export of a village's register, and the template."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from balai.accounts import permissions as perms
from balai.core.access import Predicate, allow
from balai.core.models import TaskProgress
from balai.core.tasks import fail_stale_progress, is_stale
from balai.regions.models import Level, Region

from . import export
from .forms import ImportForm
from .services import KIND, population_import_start, village_register_export

# Who may import: the village's own operator or secretary. Who may export: village staff, the
# kecamatan office and the civil-registry office (each within its region, checked per village by the
# service): one rule, ``accounts.permissions.export_register``.
can_import = perms.village_editor
can_export = perms.export_register
can_read_template = Predicate(lambda r: perms.staff(r), "staff")


@allow(can_import)
def upload(request):
    village = get_object_or_404(Region, code=perms.scope_code(request), level=Level.VILLAGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        progress = population_import_start(actor=request.user, membership=request.membership, village=village,
                                           upload=form.cleaned_data["file"], mode=form.cleaned_data["mode"])
        return redirect("registry:registry_import:progress", progress_id=progress.pk)
    recent = TaskProgress.objects.filter(kind=KIND, owner=request.user).order_by("-created_at")[:5]
    return render(request, "registry_import/upload.html", {"form": form, "village": village, "recent": recent})


def _own_progress(request, progress_id):
    progress = TaskProgress.objects.filter(pk=progress_id, kind=KIND).first()
    if progress is None or progress.owner_id != request.user.pk:
        # Someone else's import report lists their village's residents: refuse, do not reveal.
        raise PermissionDenied
    return progress


@allow(can_import)
def progress(request, progress_id):
    progress = _own_progress(request, progress_id)
    if is_stale(progress):  # its worker died: say so and offer to start again, rather than poll for ever
        fail_stale_progress(progress_id=progress.pk)
        progress.refresh_from_db()
    template = "registry_import/_progress.html" if request.headers.get("HX-Request") else "registry_import/progress.html"
    result = progress.result or {}
    return render(request, template, {
        "progress": progress, "result": result, "finished": progress.state in (TaskProgress.State.DONE,
                                                                                TaskProgress.State.FAILED),
        "errors": result.get("errors", [])[:500], "warnings": result.get("warnings", [])[:500],
        "stale": bool(result.get("stale")),
    })


@allow(can_export)
def export_village(request, code):
    """The village's register as CSV or XLSX in Balai's layout, or as an OpenSID workbook (the service
    checks who may export it and logs the export)."""
    village = get_object_or_404(Region, code=code, level=Level.VILLAGE)
    layout, rows, base = village_register_export(request, village=village, layout=request.GET.get("format", "csv"))
    if layout == "csv":
        response = StreamingHttpResponse(export.csv_stream(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{base}.csv"'
        return response
    return FileResponse(export.write_xlsx(rows, "Data Penduduk"), as_attachment=True, filename=f"{base}.xlsx")


@allow(can_read_template)
def template(request):
    if request.GET.get("format") == "csv":
        response = HttpResponse(export.template_csv_text(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="templat-penduduk.csv"'
        return response
    return FileResponse(export.template_xlsx(), as_attachment=True, filename="templat-penduduk.xlsx")
