"""Maps: Leaflet is vendored, the tile server is a setting and its origin is allowed by the CSP, and
{% map %} writes the div that js/map.js turns into a map."""

from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.test import Client

from balai.core.geo import LatLng
from balai.settings import tile_origin

STATIC = Path(__file__).resolve().parents[2] / "balai" / "static"


def test_leaflet_is_vendored_with_its_images_and_licence():
    leaflet = STATIC / "vendor" / "leaflet"
    for name in ("leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png", "images/marker-icon-2x.png",
                 "images/marker-shadow.png", "images/layers.png"):
        assert (leaflet / name).is_file(), name
    assert 't.version="1.9.4"' in (leaflet / "leaflet.js").read_text()
    assert "sourceMappingURL" not in (leaflet / "leaflet.js").read_text()  # no missing map for collectstatic
    assert (STATIC / "js" / "map.js").is_file()


def test_the_tile_origin_of_a_url_template_is_its_scheme_and_host():
    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_origin("http://10.0.0.5:8080/peta/{z}/{x}/{y}.png") == "http://10.0.0.5:8080"
    assert tile_origin("/peta/{z}/{x}/{y}.png") is None  # served by this site: 'self' covers it


def test_openstreetmap_tiles_are_the_default_and_allowed_as_images_by_the_csp(db):
    assert settings.BALAI_MAP_TILES_URL == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    policy = Client().get("/")["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src")).split()
    assert img_src == ["img-src", "'self'", "data:", "blob:", "https://tile.openstreetmap.org"]
    assert "script-src 'self'" in policy  # no exception for the map script: it is a static file


def test_the_map_tag_writes_a_div_with_the_point_the_tiles_and_an_escaped_label(settings):
    settings.BALAI_MAP_TILES_URL = "https://peta.example.id/{z}/{x}/{y}.png"
    html = Template('{% load maps %}{% map point zoom=16 label=label dom_id="peta" %}').render(Context({
        "point": LatLng(-8.2197, 114.3670), "label": 'Kantor "Desa" <Sarongan>'}))
    assert 'data-map data-lat="-8.219700" data-lng="114.367000" data-zoom="16"' in html
    assert 'data-tiles="https://peta.example.id/{z}/{x}/{y}.png"' in html
    assert 'data-label="Kantor &quot;Desa&quot; &lt;Sarongan&gt;"' in html and 'id="peta"' in html


def test_map_coordinates_keep_a_decimal_point_in_english_and_indonesian():
    from django.utils import translation

    for language in ("id", "en"):
        with translation.override(language):
            html = Template("{% load maps %}{% map lat=-8.5 lng=114.25 %}").render(Context())
        assert 'data-lat="-8.500000" data-lng="114.250000" data-zoom="15"' in html


def test_the_map_assets_are_static_files_not_inline_script():
    html = Template("{% load maps %}{% map_assets %}").render(Context())
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/map.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' in html
