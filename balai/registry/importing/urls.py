from django.urls import path
from django.utils.translation import gettext_lazy as _

from balai.core import nav

from . import views

app_name = "registry_import"

urlpatterns = [
    path("penduduk/impor/", views.upload, name="upload"),
    path("penduduk/impor/templat/", views.template, name="template"),
    path("penduduk/impor/<uuid:progress_id>/", views.progress, name="progress"),
    path("penduduk/ekspor/<str:code>/", views.export_village, name="export"),
]

# Menu entries (registered here because the registry's AppConfig belongs to the registry module).
nav.register(nav.NavItem(_("Impor/ekspor penduduk"), "registry:registry_import:upload", views.can_import, order=32))
