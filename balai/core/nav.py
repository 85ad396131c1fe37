"""The navigation registry: each app adds its menu entries in AppConfig.ready(); the menu a user sees
is the entries whose predicate holds for the request (the same predicate the view declares)."""

from dataclasses import dataclass

from django.urls import reverse

from balai.core.links import cached_reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    predicate: object
    order: int = 100
    kwargs_from_request: object = None  # callable(request) -> dict of url kwargs, or None


_ITEMS: list[NavItem] = []


def register(item: NavItem):
    if all(existing.url_name != item.url_name for existing in _ITEMS):
        _ITEMS.append(item)


def items_for(request):
    visible = []
    for item in sorted(_ITEMS, key=lambda i: i.order):
        try:
            if not item.predicate(request):
                continue
            kwargs = item.kwargs_from_request(request) if item.kwargs_from_request else {}
            if kwargs is None:
                continue
            url = cached_reverse(item.url_name, **kwargs)
        except Exception:  # a broken menu entry must never break every page
            continue
        visible.append({"label": item.label, "url": url, "active": request.path.startswith(url) and url != "/"})
    return visible


@dataclass(frozen=True)
class PortalTile:
    """A box on the public portal home page telling citizens what they can do (registered by apps)."""

    title: str
    text: str
    url_name: str
    order: int = 100


_TILES: list[PortalTile] = []


def register_tile(tile: PortalTile):
    if all(existing.url_name != tile.url_name for existing in _TILES):
        _TILES.append(tile)


def portal_tiles():
    tiles = []
    for tile in sorted(_TILES, key=lambda t: t.order):
        try:
            tiles.append({"title": tile.title, "text": tile.text, "url": reverse(tile.url_name)})
        except Exception:
            continue
    return tiles
