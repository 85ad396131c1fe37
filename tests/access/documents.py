"""The public verification of documents of every kind (here a village letter's document)."""

from tests.support.world import VILLAGE

from . import PUBLIC

EXPECTED = {
    "documents:verify": PUBLIC,
    "document-verification": PUBLIC,
}


def SETUP(world):
    from tests.letters.factories import issue_letter

    world.extra["document"] = issue_letter(world, village=VILLAGE).document


PARAMS = {
    "documents:verify": lambda world: {"token": world.extra["document"].verification_token},
    "document-verification": lambda world: {"token": world.extra["document"].verification_token},
}
