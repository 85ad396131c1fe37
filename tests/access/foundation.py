from tests.support.world import ALL_SIGNED_IN, STAFF_ROLES, VILLAGE

from . import PUBLIC

EXPECTED = {
    "portal:home": PUBLIC,
    "portal:set_language": PUBLIC,
    "healthz": PUBLIC,
    "api-schema": PUBLIC,
    "api-docs": PUBLIC,
    "accounts:login": PUBLIC,
    "admin-login": PUBLIC,
    "regions:list": PUBLIC,
    "regions:detail": PUBLIC,
    "region-list": PUBLIC,
    "region-detail": PUBLIC,
    "api-token": PUBLIC,
    "api-me": ALL_SIGNED_IN,
    "accounts:otp": ALL_SIGNED_IN,
    "accounts:logout": ALL_SIGNED_IN,
    "accounts:profile": ALL_SIGNED_IN,
    "accounts:totp_setup": ALL_SIGNED_IN,
    "accounts:home": ALL_SIGNED_IN,
    "accounts:switch": STAFF_ROLES,
    # Office page of the MPP: every staff member whose scope covers the regency, and the MPP's own staff.
    "accounts:office": {"counter_officer", "administrator", "auditor", "viewer", "agency_officer"},
    "portal:citizen_home": {"citizen"},
    "portal:access_log": {"administrator", "auditor"},
    # Desa Sarongan's page: its own staff, its kecamatan, regency-wide offices; not the next village.
    "regions:village": {"operator", "secretary", "head", "verifier", "district_head", "agency_officer",
                        "counter_officer", "administrator", "auditor", "viewer"},
    "regions:unit_create": {"operator", "secretary", "head"},
}

PARAMS = {
    "regions:detail": lambda world: {"code": "35.10.01"},
    "region-detail": lambda world: {"code": "35.10.01"},
    "regions:village": lambda world: {"code": VILLAGE},
    "regions:unit_create": lambda world: {"code": VILLAGE},
    "accounts:office": lambda world: {"code": "mpp"},
}
