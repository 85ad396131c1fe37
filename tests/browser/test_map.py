"""A map through the vendored Leaflet and js/map.js renders under the strict CSP: the container,
the tiles from the configured tile server and a marker at the point."""

import pytest

from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_map_div_becomes_a_leaflet_map_with_tiles_and_a_marker(live_server, page, settings):
    settings.ROOT_URLCONF = "tests.browser.map_urls"
    # Tiles from the live server itself (no network in tests): any PNG answers every {z}/{x}/{y}.
    settings.BALAI_MAP_TILES_URL = live_server.url + "/static/vendor/leaflet/images/layers.png?z={z}&x={x}&y={y}"
    page.add_init_script("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.cspViolations.push([e.violatedDirective, e.sourceFile, e.lineNumber,"
                         " e.columnNumber, e.sample]));")
    page.goto(live_server.url + "/uji-peta/")
    page.wait_for_selector("#peta.leaflet-container[data-map-ready]")
    page.wait_for_selector("#peta img.leaflet-tile-loaded")
    marker = page.locator("#peta .leaflet-marker-icon")
    assert marker.count() == 1
    assert marker.get_attribute("title") == "Kantor <Bupati> Banyuwangi"
    assert page.locator("#peta .leaflet-control-attribution").inner_text().endswith("© OpenStreetMap contributors")
    box = page.locator("#peta").bounding_box()
    assert box["height"] == 320
    marker.click()
    assert page.locator("#peta .leaflet-popup-content").inner_text() == "Kantor <Bupati> Banyuwangi"
    center = page.evaluate("() => { const c = document.getElementById('peta').balaiMap.getCenter();"
                           " return [c.lat, c.lng]; }")
    assert [round(x, 4) for x in center] == [-8.2197, 114.3670]
    # Nothing of the map breaks the CSP: no inline script or style, tiles allowed by img-src. (htmx, on
    # every page, tries to add its indicator <style> and is refused; app.css carries those rules.)
    violations = [v for v in page.evaluate("() => window.cspViolations") if not v[1].endswith("/htmx.min.js")]
    assert violations == []
    shot(page, "core-map")
