from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("wilayah/", views.region_list, name="list"),
    path("wilayah/<str:code>/", views.region_detail, name="detail"),
    path("desa/<str:code>/", views.village, name="village"),
    path("desa/<str:code>/satuan/", views.unit_create, name="unit_create"),
]
