"""URLs for rows of long lists without a ``reverse()`` per row (≈ 50 µs each on the project's machine,
a millisecond per 25-row results table)."""

import functools
import uuid

from django.urls import get_script_prefix, reverse

_MARKER = uuid.UUID(int=0)


@functools.lru_cache(maxsize=256)
def _reversed(url_name: str, script_prefix: str, kwargs: tuple = ()) -> str:
    return reverse(url_name, kwargs=dict(kwargs))


def cached_reverse(url_name: str, **kwargs) -> str:
    """``reverse(url_name, kwargs=...)``, remembered per deployment prefix (for menus: the same few dozen
    URLs on every page)."""
    return _reversed(url_name, get_script_prefix(), tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=64)
def _detail_base(url_name: str, script_prefix: str) -> str:
    url = reverse(url_name, args=[_MARKER])
    return url[: url.index(str(_MARKER))]


def detail_url(url_name: str, public_id) -> str:
    """``reverse(url_name, args=[public_id])`` for a route ending in ``<uuid:public_id>/``."""
    return f"{_detail_base(url_name, get_script_prefix())}{public_id}/"


# The URL form of a UUID (``public_id``): API detail routes declare it as their ``lookup_value_regex``
# so that ``/api/v1/persons/bukan-uuid/`` is a 404 from the router, never a query with a malformed id.
UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
