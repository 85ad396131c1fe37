"""What the region pages show from the apps above regions, filled in their ``AppConfig.ready()``.

regions sits below accounts and never imports it; accounts registers here how to find a village's
office (``AccountsConfig.ready()``).
"""

_finders = {}


def register_village_office(finder) -> None:
    """``finder(village) -> Office | None``: the office serving a village region."""
    _finders["village_office"] = finder


def village_office(village):
    """The office serving ``village``, or None when no app above regions offers one."""
    finder = _finders.get("village_office")
    return finder(village) if finder else None
