"""A test-only URL configuration: the project's URLs plus one page that shows a map through the
real ``{% map_assets %}`` and ``{% map %}`` tags (no product page shows a map yet)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from balai.core.access import public
from balai.core.geo import LatLng
from balai.urls import urlpatterns as project_urlpatterns

PAGE = """{% extends "base.html" %}{% load maps %}
{% block head %}{% map_assets %}{% endblock %}
{% block content %}<h1>Peta</h1>{% map point zoom=15 label=label dom_id="peta" %}{% endblock %}"""


@public
def map_page(request):
    template = engines["django"].from_string(PAGE)
    context = {"point": LatLng(-8.2197, 114.3670), "label": "Kantor <Bupati> Banyuwangi"}
    return HttpResponse(template.render(context, request))


urlpatterns = [path("uji-peta/", map_page), *project_urlpatterns]
