from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("layanan/", views.index, name="index"),
    path("layanan/instansi/<slug:code>/", views.agency, name="agency"),
    path("layanan/peristiwa/<slug:slug>/", views.life_event, name="life_event"),
    # /layanan/<code>/ajukan/ belongs to the applications app.
    path("layanan/<slug:code>/", views.detail, name="detail"),
]
