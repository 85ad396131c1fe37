"""A small world for tests: Banyuwangi's regions and offices, and one user per role.

Role keys (used by the authorization walker and by tests):
anonymous, citizen, operator, secretary, head (Desa Sarongan 35.10.01.2001), other_operator
(Desa Sumberagung 35.10.01.2004, same kecamatan), verifier and district_head (Kecamatan
Pesanggaran 35.10.01), agency_officer (Dispendukcapil), counter_officer (MPP), administrator
(Pemkab, TOTP verified), auditor, viewer (Pemkab).
"""

from dataclasses import dataclass, field

from django.test import Client

from balai.accounts.demo import district_office_code, ensure_offices, village_office_code
from balai.accounts.models import Membership, Office, Role, User
from balai.regions.loading import load_regions

VILLAGE = "35.10.01.2001"
OTHER_VILLAGE = "35.10.01.2004"
DISTRICT = "35.10.01"
OTHER_DISTRICT = "35.10.02"
REGENCY = "35.10"

ROLE_SPECS = {
    # role key: (office code, role)
    "operator": (village_office_code(VILLAGE), Role.OPERATOR),
    "secretary": (village_office_code(VILLAGE), Role.SECRETARY),
    "head": (village_office_code(VILLAGE), Role.HEAD),
    "other_operator": (village_office_code(OTHER_VILLAGE), Role.OPERATOR),
    "verifier": (district_office_code(DISTRICT), Role.VERIFIER),
    "district_head": (district_office_code(DISTRICT), Role.HEAD),
    "agency_officer": ("dispendukcapil", Role.AGENCY_OFFICER),
    "counter_officer": ("mpp", Role.COUNTER_OFFICER),
    "administrator": ("pemkab", Role.ADMINISTRATOR),
    "auditor": ("pemkab", Role.AUDITOR),
    "viewer": ("pemkab", Role.VIEWER),
}
ROLES = ["anonymous", "citizen", *ROLE_SPECS]
STAFF_ROLES = set(ROLE_SPECS)
VILLAGE_STAFF = {"operator", "secretary", "head"}
ALL_SIGNED_IN = set(ROLES) - {"anonymous"}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    offices: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)  # objects later modules add for URL parameters

    def user(self, role):
        return self.users[role]

    def client(self, role) -> Client:
        return client_for(self.users.get(role))


def build_world() -> World:
    load_regions(REGENCY)
    ensure_offices(REGENCY)
    world = World()
    for role_key, (office_code, role) in ROLE_SPECS.items():
        user = User.objects.create_user(username=f"t-{role_key}", password="rahasia-uji-123",
                                        first_name=role_key.replace("_", " ").title(), kind=User.Kind.STAFF)
        office = Office.objects.get(code=office_code)
        Membership.objects.create(user=user, office=office, role=role)
        if role == Role.ADMINISTRATOR:
            user.is_staff = user.is_superuser = True
            user.save()
        world.users[role_key] = user
        world.offices[role_key] = office
    world.users["citizen"] = User.objects.create_user(username="t-citizen", password="rahasia-uji-123",
                                                      kind=User.Kind.CITIZEN, first_name="Warga")
    world.users["anonymous"] = None
    return world


def client_for(user) -> Client:
    client = Client()
    if user is None:
        return client
    client.force_login(user)
    if user.memberships.filter(role=Role.ADMINISTRATOR).exists():
        verify_otp(client, user)
    return client


def verify_otp(client, user):
    """Mark the client's session as having passed the TOTP step (as django_otp.login does)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="uji", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
