"""The demo step loads synthetic residents once and links the demo citizen to a Sarongan resident."""

import io

import pytest

from balai.accounts.demo import ensure_demo_users, ensure_offices
from balai.registry.demo import demo_step
from balai.registry.models import Person, PopulationSummary


@pytest.mark.usefixtures("regions")
def test_the_demo_step_is_idempotent_and_links_warga_to_sarongan():
    ensure_offices("35.10")
    ensure_demo_users()
    demo_step(stdout=io.StringIO(), people=300, seed=4)
    count = Person.objects.count()
    assert count == 300
    warga = Person.objects.get(user__username="warga")
    assert warga.village_id == "35.10.01.2001" and warga.family is not None
    assert PopulationSummary.objects.exists()
    demo_step(stdout=io.StringIO(), people=300, seed=4)
    assert Person.objects.count() == count
    assert Person.objects.get(user__username="warga").pk == warga.pk
