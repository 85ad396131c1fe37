from tests.support.world import VILLAGE

from . import PUBLIC

# Letters of Desa Sarongan: its own staff, its kecamatan (verifier, camat), administrator and auditor.
VIEWERS = {"operator", "secretary", "head", "verifier", "district_head", "administrator", "auditor"}
# Revoking: the village's secretary and head, and the administrator.
OFFICERS = {"secretary", "head", "administrator"}

EXPECTED = {
    "letters:list": VIEWERS | {"other_operator"},
    "letters:detail": VIEWERS,
    "letters:pdf": VIEWERS,
    "letters:revoke": OFFICERS,
    # The citizen's download: anyone may open it; the letter comes only after reference + birth date.
    "letters:download_public": PUBLIC,
    "letter-list": VIEWERS | {"other_operator"},
    "letter-detail": VIEWERS,
    "letter-revoke": OFFICERS,
}


def SETUP(world):
    from tests.letters.factories import issue_letter

    world.extra["letter"] = issue_letter(world, village=VILLAGE)


def _letter(world):
    return {"public_id": world.extra["letter"].public_id}


PARAMS = {
    "letters:detail": _letter,
    "letters:pdf": _letter,
    "letters:revoke": _letter,
    "letters:download_public": lambda world: {"token": world.extra["letter"].public_id},
    "letter-detail": _letter,
    "letter-revoke": _letter,
}
