"""Registry permissions (app-specific compositions of the generic predicates)."""

from balai.accounts import permissions as perms
from balai.core.access import Predicate

# Who reads personal records (scope is applied by the selectors): village staff, the kecamatan
# office, regency agencies, MPP counter staff (they serve applicants), administrators and auditors.
read_persons = (
    perms.village_staff
    | ((perms.verifier | perms.head) & perms.at_district)
    | (perms.agency_officer & perms.at_agency)
    | (perms.counter_officer & perms.at_hall)
    | perms.administrator
    | perms.auditor
)
# Who changes the register: the village's operator and secretary.
edit_persons = perms.village_editor
# Who exports a register (the export itself is logged): one rule, ``accounts.permissions.export_register``.
export_persons = perms.export_register
# Aggregated statistics, no personal data: every staff member.
view_statistics = perms.staff
# A citizen account (links itself to its record, then sees it).
citizen = perms.citizen

__all__ = ["Predicate", "read_persons", "edit_persons", "export_persons", "view_statistics", "citizen"]
