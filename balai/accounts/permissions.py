"""Who may do what: every permission of Balai is a predicate here, scoped by region.

A predicate takes the request; ``request.membership`` is the membership the user is acting in
(set by ``MembershipMiddleware``; ``None`` for citizens and visitors). Office scope is a region
code prefix: an office works within its region's subtree; a regency office within the regency.
Views declare predicates with ``balai.core.access.allow``; selectors use ``scope_code`` to filter.
"""

from django.conf import settings

from balai.core.access import PUBLIC, Predicate

from .models import Office, Role

__all__ = ["PUBLIC"]


def _membership(request):
    return getattr(request, "membership", None)


def _role_in(*roles):
    def test(request):
        membership = _membership(request)
        return membership is not None and membership.role in roles

    return test


def _office_kind_in(*kinds):
    def test(request):
        membership = _membership(request)
        return membership is not None and membership.office.kind in kinds

    return test


def _otp_verified(request):
    user = request.user
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


authenticated = Predicate(lambda r: r.user.is_authenticated, "authenticated")
citizen = Predicate(lambda r: r.user.is_authenticated and r.user.is_citizen, "citizen")
staff = Predicate(lambda r: r.user.is_authenticated and _membership(r) is not None, "staff")

# Roles (in the office the user is currently acting for).
operator = Predicate(_role_in(Role.OPERATOR), "operator")
secretary = Predicate(_role_in(Role.SECRETARY), "secretary")
head = Predicate(_role_in(Role.HEAD), "head")
verifier = Predicate(_role_in(Role.VERIFIER), "verifier")
agency_officer = Predicate(_role_in(Role.AGENCY_OFFICER), "agency_officer")
counter_officer = Predicate(_role_in(Role.COUNTER_OFFICER), "counter_officer")
auditor = Predicate(_role_in(Role.AUDITOR), "auditor")
viewer = Predicate(_role_in(Role.VIEWER), "viewer")
# Administrators must have passed the TOTP step in this session.
administrator = Predicate(lambda r: _role_in(Role.ADMINISTRATOR)(r) and _otp_verified(r), "administrator")

# Office kinds.
at_village = Predicate(_office_kind_in(Office.Kind.VILLAGE), "at_village")
at_district = Predicate(_office_kind_in(Office.Kind.DISTRICT), "at_district")
at_agency = Predicate(_office_kind_in(Office.Kind.AGENCY, Office.Kind.NATIONAL), "at_agency")
at_hall = Predicate(_office_kind_in(Office.Kind.HALL), "at_hall")
at_regency = Predicate(_office_kind_in(Office.Kind.REGENCY, Office.Kind.AGENCY), "at_regency")
# The regency's civil-registry office (Dinas Kependudukan dan Pencatatan Sipil), known by its office
# code in balai/accounts/data/agencies.yaml: the one agency that keeps the population register itself.
CIVIL_REGISTRY_OFFICE = "dispendukcapil"
at_civil_registry = Predicate(
    lambda r: _membership(r) is not None and _membership(r).office.code == CIVIL_REGISTRY_OFFICE,
    "at_civil_registry")

# Composite permissions used across apps.
village_staff = (operator | secretary | head) & at_village
village_editor = (operator | secretary) & at_village
oversight = auditor | administrator
manage_village_units = (operator | secretary | head) & at_village
view_access_log = auditor | administrator
# Who takes a whole register out (full NIKs, every resident): the village's own staff, its kecamatan
# office (verifier, camat) and the civil-registry office, each within its region (the caller checks
# ``covers``). Every other agency reads only what its service needs, masked, through the screens/API.
export_register = village_staff | ((verifier | head) & at_district) | (agency_officer & at_civil_registry)


def scope_code(request) -> str | None:
    """The region code prefix the current membership works within, or None."""
    membership = _membership(request)
    if membership is None:
        return None
    return membership.office.region_id


def covers(request, region_code: str) -> bool:
    membership = _membership(request)
    return membership is not None and membership.covers(region_code)


def regency_code() -> str:
    return settings.BALAI_REGENCY


class _Acting:
    """What a predicate reads from a request, for a service judging a write outside one."""

    def __init__(self, membership):
        self.membership = membership
        self.user = membership.user


def holds(predicate, membership) -> bool:
    """Whether ``predicate`` holds for someone acting in ``membership`` (None: nobody; never holds).
    Services use it to check inside themselves the permission a view declares."""
    return membership is not None and predicate(_Acting(membership))
