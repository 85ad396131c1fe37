from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("bahasa/", views.set_language, name="set_language"),
    path("warga/", views.citizen_home, name="citizen_home"),
    path("audit/akses/", views.access_log, name="access_log"),
]
