"""Expected access per URL name, one module per app, read by tests/test_authorization.py.

Each module defines:
  EXPECTED = {"namespace:name": roles}   # roles: a set of role keys from tests/support/world.py, or PUBLIC
  PARAMS = {"namespace:name": lambda world: {url kwargs}}   # for patterns with parameters
  SETUP = optional callable(world) that creates objects the PARAMS need (stored in world.extra)
A role "reaches" a URL when a GET does not answer 403 and does not redirect to the login page.
"""

PUBLIC = "public"
MODULES = ["foundation", "registry", "services", "applications", "letters", "documents", "queues", "registry_import"]
