from balai.accounts.models import Membership, Office, Role
from tests.support.world import VILLAGE


def test_a_person_with_two_memberships_switches_between_them(world):
    operator = world.user("operator")
    other_office = Office.objects.get(code="desa-3510012004")
    second = Membership.objects.create(user=operator, office=other_office, role=Role.SECRETARY)
    client = world.client("operator")
    assert client.get("/desa/35.10.01.2004/").status_code == 403
    client.post("/akun/peran/", {"membership": second.pk})
    assert client.get("/desa/35.10.01.2004/").status_code == 200
    assert client.get(f"/desa/{VILLAGE}/").status_code == 403


def test_nobody_switches_into_a_membership_of_someone_else(world):
    foreign = Membership.objects.get(user=world.user("head"))
    response = world.client("operator").post("/akun/peran/", {"membership": foreign.pk})
    assert response.status_code == 404
