"""Who may see and revoke letters (predicates composed from balai.accounts.permissions)."""

from balai.accounts import permissions as perms

# Read letters: the village's own staff, its kecamatan (verifier, camat), oversight.
letter_viewer = perms.village_staff | ((perms.verifier | perms.head) & perms.at_district) | perms.oversight
# Revoke: the secretary or head of the issuing village, or an administrator.
letter_officer = ((perms.secretary | perms.head) & perms.at_village) | perms.administrator
# Issue a letter directly (without an application): the village head signs.
letter_signer = perms.head & perms.at_village
