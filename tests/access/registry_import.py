"""Import/export of the population register (balai.registry.importing)."""

from balai.core.models import TaskProgress
from tests.support.world import VILLAGE

EXPECTED = {
    # Uploading: village operators and secretaries, each into their own village (other_operator: Sumberagung).
    "registry:registry_import:upload": {"operator", "secretary", "other_operator"},
    # An import's report (it names residents) is shown to the person who started it only.
    "registry:registry_import:progress": {"operator"},
    # The column template holds no personal data: any staff member.
    "registry:registry_import:template": {"operator", "secretary", "head", "other_operator", "verifier",
                                          "district_head", "agency_officer", "counter_officer", "administrator",
                                          "auditor", "viewer"},
    # Desa Sarongan's register (full NIKs): its staff, its kecamatan office (verifier, camat) and the
    # civil-registry office (the world's agency_officer works at Dispendukcapil); not the next village,
    # not the MPP counter, not the administrator, auditor or viewer. Officers of every other agency
    # (PLN, a bank, the health office) are refused too: tests/registry_import/test_export_permission.py.
    "registry:registry_import:export": {"operator", "secretary", "head", "verifier", "district_head",
                                        "agency_officer"},
}


def SETUP(world):
    world.extra["import_progress"] = TaskProgress.objects.create(kind="registry_import", owner=world.user("operator"),
                                                                 state=TaskProgress.State.DONE)


PARAMS = {
    "registry:registry_import:progress": lambda world: {"progress_id": world.extra["import_progress"].pk},
    "registry:registry_import:export": lambda world: {"code": VILLAGE},
}
