"""Issue letters in tests without the application workflow (the holder's data given directly)."""

from balai.accounts.models import Membership, Role
from balai.letters.services import letter_issue

HOLDER = {
    "name": "Siti Aminah", "nik": "3510014101900001", "birth_place": "Banyuwangi", "birth_date": "1990-01-01",
    "sex": "Perempuan", "religion": "Islam", "occupation": "Petani/Pekebun", "marital_status": "Kawin",
    "citizenship": "WNI", "address": "Dusun Krajan, RT 001, RW 002, Desa Sarongan",
}


def head_membership(world):
    return Membership.objects.select_related("office").get(user=world.user("head"), role=Role.HEAD)


def issue_letter(world, *, village="35.10.01.2001", letter_type="sktm", holder=None, **kwargs):
    membership = head_membership(world)
    return letter_issue(letter_type=letter_type, village=village, holder=holder or dict(HOLDER),
                        signer_user=membership.user, membership=membership, **kwargs)
