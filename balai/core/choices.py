"""Named choice lists filled by higher apps, read by lower ones.

A lower app that stores a key defined by a higher app (``Service.letter_type`` holds a letter type
declared in ``letters``) must not import that app. The higher app registers a provider in its
``AppConfig.ready()`` — ``register_choices("letter_type", provider)`` — and the lower app validates
against ``choices("letter_type")``. A provider is called each time, so declarations added later
(e.g. in a test) are seen at once.
"""

from collections.abc import Callable, Iterable

_providers: dict[str, Callable[[], Iterable[tuple[str, str]]]] = {}


def register_choices(name: str, provider: Callable[[], Iterable[tuple[str, str]]]) -> None:
    _providers[name] = provider


def choices(name: str) -> list[tuple[str, str]]:
    """``[(key, label), …]`` registered under ``name``; empty when no app registered it."""
    provider = _providers.get(name)
    return list(provider()) if provider is not None else []


def choice_keys(name: str) -> set[str]:
    return {key for key, _label in choices(name)}
