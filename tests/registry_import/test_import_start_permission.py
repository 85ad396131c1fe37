"""Starting an import checks, inside the service, that the membership may change that village's register:
nothing is stored or queued for anyone else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.core.models import TaskProgress
from balai.regions.models import Region
from balai.registry.importing.services import population_import_start, upload_dir

from .builders import OTHER_VILLAGE, VILLAGE, balai_csv, family


def _file():
    return SimpleUploadedFile("penduduk.csv", balai_csv(family(1, 1, size=2)).getvalue(), content_type="text/csv")


@pytest.mark.parametrize("role, village", [("head", VILLAGE), ("viewer", VILLAGE), ("verifier", VILLAGE),
                                           ("other_operator", VILLAGE), ("operator", OTHER_VILLAGE)])
def test_an_import_is_refused_to_a_membership_that_may_not_edit_the_village(world, role, village,
                                                                              django_capture_on_commit_callbacks):
    user = world.user(role)
    before = set(upload_dir().glob("*.upload"))
    with django_capture_on_commit_callbacks() as queued, pytest.raises(PermissionDenied,
                                                                        match="tidak berwenang mengubah data"):
        population_import_start(actor=user, membership=user.memberships.get(),
                                village=Region.objects.get(code=village), upload=_file(), mode="all")
    assert queued == [] and not TaskProgress.objects.exists()
    assert set(upload_dir().glob("*.upload")) == before


def test_the_village_operator_starts_an_import_of_its_own_village(world, django_capture_on_commit_callbacks):
    user = world.user("operator")
    before = set(upload_dir().glob("*.upload"))
    with django_capture_on_commit_callbacks() as queued:
        progress = population_import_start(actor=user, membership=user.memberships.get(),
                                           village=Region.objects.get(code=VILLAGE), upload=_file(), mode="dry")
    stored = set(upload_dir().glob("*.upload")) - before
    for path in stored:
        path.unlink()  # the queued task (not run here) would have read and removed it
    assert len(queued) == 1 and len(stored) == 1 and progress.owner == user
    assert TaskProgress.objects.get(pk=progress.pk).result == {"file": "penduduk.csv", "village": VILLAGE,
                                                               "upload": stored.pop().name}
