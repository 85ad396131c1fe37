"""An API token acts in its user's membership exactly as a session does: the same predicates, the same
region scope. (Issue 12: the membership was resolved by middleware before DRF knew the token's user,
so every staff token got 403 on persons, families, letters and applications.)

Rows: a person, a family, a letter and an application in Desa Sarongan (35.10.01.2001) and in Desa
Sumberagung (35.10.01.2004), both in Kecamatan Pesanggaran (35.10.01)."""

import pytest
from rest_framework.authtoken.models import Token

from balai.accounts.demo import village_office_code
from balai.accounts.models import Membership, Office, Role, User
from balai.letters.services import letter_issue
from balai.regions.models import Region
from balai.registry.services import family_create
from tests.applications.factories import make_person, make_service, submit
from tests.letters.factories import HOLDER, head_membership
from tests.support.world import OTHER_VILLAGE, STAFF_ROLES, VILLAGE

S, SU = VILLAGE, OTHER_VILLAGE  # Sarongan, Sumberagung
BOTH = {S, SU}
# Villages whose rows each role's token lists (None: 403), worked out from the access rules:
# persons and families: village staff, the kecamatan, agency and hall officers, the auditor;
# letters: village staff, the kecamatan's verifier and camat, the auditor;
# applications: every staff member, within the scope of their office.
# The administrator's rights need the second factor, which a token does not carry: only what any
# staff member may do (the application list) holds over an administrator's token.
EXPECTED = {
    "operator": {"persons": {S}, "families": {S}, "letters": {S}, "applications": {S}},
    "secretary": {"persons": {S}, "families": {S}, "letters": {S}, "applications": {S}},
    "head": {"persons": {S}, "families": {S}, "letters": {S}, "applications": {S}},
    "other_operator": {"persons": {SU}, "families": {SU}, "letters": {SU}, "applications": {SU}},
    "verifier": {"persons": BOTH, "families": BOTH, "letters": BOTH, "applications": BOTH},
    "district_head": {"persons": BOTH, "families": BOTH, "letters": BOTH, "applications": BOTH},
    "agency_officer": {"persons": BOTH, "families": BOTH, "letters": None, "applications": BOTH},
    "counter_officer": {"persons": BOTH, "families": BOTH, "letters": None, "applications": BOTH},
    "auditor": {"persons": BOTH, "families": BOTH, "letters": BOTH, "applications": BOTH},
    "viewer": {"persons": None, "families": None, "letters": None, "applications": BOTH},
    "administrator": {"persons": None, "families": None, "letters": None, "applications": BOTH},
}


@pytest.fixture
def rows(world):
    service = make_service("token-kk", workflow="village_to_agency")
    other_head = User.objects.create_user(username="t-head-sumberagung", password="rahasia-uji-123",
                                          kind=User.Kind.STAFF)
    other_head_membership = Membership.objects.create(
        user=other_head, office=Office.objects.get(code=village_office_code(SU)), role=Role.HEAD)
    signers = {S: head_membership(world), SU: other_head_membership}
    for code, kk in [(S, "3510011203150001"), (SU, "3510011203150002")]:
        village = Region.objects.get(code=code)
        family_create(village=village, kk_number=kk, address="Jl. Pantai 1")
        person = make_person(code)
        submit(service, person, channel="online")
        letter_issue(letter_type="sktm", village=code, holder=dict(HOLDER), signer_user=signers[code].user,
                     membership=signers[code])


def _villages(response):
    return {row["village"] for row in response.json()["results"]}


def test_every_staff_roles_token_reads_the_main_lists_as_its_membership_allows(world, rows, client):
    assert set(EXPECTED) == STAFF_ROLES
    problems = []
    for role, lists in EXPECTED.items():
        token = Token.objects.create(user=world.user(role)).key
        for name, villages in lists.items():
            response = client.get(f"/api/v1/{name}/", HTTP_AUTHORIZATION=f"Token {token}")
            got = (response.status_code, _villages(response) if response.status_code == 200 else None)
            want = (200, villages) if villages is not None else (403, None)
            if got != want:
                problems.append(f"{role} {name}: {got}, expected {want}")
    assert problems == []


def test_a_token_sees_the_same_rows_as_the_session_of_the_same_user(world, rows):
    for role in ["operator", "other_operator", "verifier", "agency_officer", "auditor"]:
        token = Token.objects.create(user=world.user(role)).key
        for name in ["persons", "families", "letters", "applications"]:
            by_session = world.client(role).get(f"/api/v1/{name}/")
            by_token = world.client("anonymous").get(f"/api/v1/{name}/", HTTP_AUTHORIZATION=f"Token {token}")
            assert by_token.status_code == by_session.status_code, (role, name)
            if by_session.status_code == 200:
                assert by_token.json()["results"] == by_session.json()["results"], (role, name)


def test_a_token_acts_in_the_membership_the_header_names_if_it_is_the_users_own(world, rows, client):
    operator = world.user("operator")
    second = Membership.objects.create(user=operator, office=Office.objects.get(code=village_office_code(SU)),
                                       role=Role.OPERATOR)
    token = Token.objects.create(user=operator).key
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    first = client.get("/api/v1/persons/", **auth)
    assert _villages(first) == {S}  # the first membership by default
    chosen = client.get("/api/v1/persons/", HTTP_X_BALAI_MEMBERSHIP=str(second.pk), **auth)
    assert _villages(chosen) == {SU}
    foreign = Membership.objects.get(user=world.user("other_operator"))
    stranger = client.get("/api/v1/persons/", HTTP_X_BALAI_MEMBERSHIP=str(foreign.pk), **auth)
    assert _villages(stranger) == {S}  # another user's membership is not taken: back to the first


def test_a_citizens_token_is_no_staff_token(world, rows, client):
    token = Token.objects.create(user=world.user("citizen")).key
    assert client.get("/api/v1/persons/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 403
    assert client.get("/api/v1/applications/", HTTP_AUTHORIZATION=f"Token {token}").json()["results"] == []




def test_a_user_with_two_step_verification_gets_a_token_only_with_the_current_code(world, client):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=world.user("secretary"), name="hp", confirmed=True)
    login = {"username": "t-secretary", "password": "rahasia-uji-123"}
    without = client.post("/api/v1/token/", login)
    assert without.status_code == 400 and "verifikasi dua langkah" in without.json()["otp"][0]
    assert not Token.objects.filter(user=world.user("secretary")).exists()
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    with_code = client.post("/api/v1/token/", {**login, "otp": code})
    assert with_code.status_code == 200
    assert with_code.json()["token"] == Token.objects.get(user=world.user("secretary")).key
