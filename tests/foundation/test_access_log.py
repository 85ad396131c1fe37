from balai.core.audit import log_access
from balai.core.models import AccessLog


def test_the_access_log_records_reads_and_is_shown_to_auditors(world, rf):
    request = rf.get("/penduduk/x/")
    request.user = world.user("operator")
    request.membership = world.user("operator").memberships.get()
    entry = log_access(request, object_type="registry.person", object_id="abc", label="Budi", region_code="35.10.01.2001")
    assert AccessLog.objects.get(pk=entry.pk).office_code == "desa-3510012001"
    page = world.client("auditor").get("/audit/akses/").content.decode()
    assert "Budi" in page
    assert world.client("operator").get("/audit/akses/").status_code == 403


def test_access_log_page_uses_keyset_pagination(world, django_assert_max_num_queries):
    AccessLog.objects.bulk_create([AccessLog(action="view", object_type="x", object_id=str(i)) for i in range(60)])
    client = world.client("auditor")
    first = client.get("/audit/akses/")
    next_before = first.context["next_before"]
    assert next_before is not None
    second = client.get(f"/audit/akses/?before={next_before}")
    assert len(second.context["rows"]) == 10
    assert all(row.id < next_before for row in second.context["rows"])
