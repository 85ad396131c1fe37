// Maps with Leaflet (vendor/leaflet/leaflet.js, loaded before this file). No inline script: the CSP
// forbids it. Every <div data-map data-lat="-8.2197" data-lng="114.3670" data-zoom="15"> becomes a map
// with a marker; data-tiles (tile URL template) and data-attribution come from {% map %} in
// balai/core/templatetags/maps.py (settings BALAI_MAP_TILES_URL, BALAI_MAP_ATTRIBUTION); data-label,
// if given, is the marker's title and popup text (set as text, never as HTML).
(function () {
  "use strict";

  function init(el) {
    if (el.balaiMap || typeof window.L === "undefined") { return; }
    var lat = parseFloat(el.getAttribute("data-lat"));
    var lng = parseFloat(el.getAttribute("data-lng"));
    if (!isFinite(lat) || !isFinite(lng)) { return; }
    var zoom = parseInt(el.getAttribute("data-zoom") || "15", 10);
    var label = el.getAttribute("data-label") || "";
    var map = window.L.map(el, { scrollWheelZoom: false }).setView([lat, lng], isFinite(zoom) ? zoom : 15);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      window.L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute("data-attribution") || "" }).addTo(map);
    }
    var marker = window.L.marker([lat, lng], { title: label, alt: label }).addTo(map);
    if (label) {
      var text = document.createElement("span");
      text.textContent = label;
      marker.bindPopup(text);
    }
    el.balaiMap = map;
    el.setAttribute("data-map-ready", "1");
  }

  function scan(root) {
    if (root.matches && root.matches("[data-map]")) { init(root); }
    root.querySelectorAll("[data-map]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(document); });
  } else {
    scan(document);
  }
  // Content swapped in by htmx gets its maps too.
  document.addEventListener("htmx:load", function (event) { scan(event.detail.elt); });
}());
