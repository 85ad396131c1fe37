"""Every URL pattern of the project x every role: who reaches what (see tests/access/)."""

import pytest

from tests.support.walker import check_declarations, walk_role
from tests.support.world import ROLES


def test_every_url_pattern_declares_a_policy_and_is_in_the_access_matrix():
    problems = check_declarations()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_the_matrix_allows(world, role):
    problems = walk_role(world, role, ROLES)
    assert problems == [], "\n".join(problems)
