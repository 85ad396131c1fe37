"""``{% load maps %}``: ``{% map_assets %}`` in the page's ``head`` block (Leaflet's CSS and JS and
``js/map.js``), then ``{% map point zoom=15 label="Kantor Desa" dom_id="peta" %}`` where the map goes — ``point`` a
``balai.core.geo.LatLng`` (or ``lat``/``lng`` keywords). Tiles come from ``BALAI_MAP_TILES_URL``."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("core/_map_assets.html")
def map_assets():
    return {}


@register.inclusion_tag("core/_map.html", name="map")
def map_tag(point=None, *, lat=None, lng=None, zoom=15, label="", dom_id=""):
    if point is not None:
        lat, lng = point.lat, point.lng
    return {
        # Dots as decimal separators whatever the language (the template would localise a float).
        "lat": f"{float(lat):.6f}", "lng": f"{float(lng):.6f}", "zoom": int(zoom), "label": label, "id": dom_id,
        "tiles": settings.BALAI_MAP_TILES_URL, "attribution": settings.BALAI_MAP_ATTRIBUTION,
        "aria_label": label or _("Peta"),
    }
