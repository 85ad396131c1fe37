from django.urls import include, path

from . import views

app_name = "registry"
urlpatterns = [
    path("penduduk/", views.search, name="search"),
    path("penduduk/tambah/", views.person_create, name="person_create"),
    path("penduduk/cek-nik/", views.nik_check, name="nik_check"),
    path("penduduk/statistik/", views.statistics, name="statistics"),
    path("penduduk/<uuid:public_id>/", views.person_detail, name="person"),
    path("penduduk/<uuid:public_id>/ubah/", views.person_edit, name="person_edit"),
    path("penduduk/<uuid:public_id>/peristiwa/", views.event_create, name="event_create"),
    path("penduduk/<uuid:public_id>/sekolah/", views.schooling_update, name="schooling_update"),
    path("keluarga/<uuid:public_id>/kesejahteraan/", views.welfare_create, name="welfare_create"),
    path("keluarga/tambah/", views.family_create, name="family_create"),
    path("keluarga/<uuid:public_id>/", views.family_detail, name="family"),
    path("keluarga/<uuid:public_id>/ubah/", views.family_edit, name="family_edit"),
    path("keluarga/<uuid:public_id>/kelahiran/", views.birth_create, name="birth_create"),
    path("keluarga/<uuid:public_id>/rumah-tangga/", views.household_edit, name="household_edit"),
    path("warga/data-saya/", views.my_record, name="my_record"),
    path("warga/tautkan/", views.citizen_link, name="citizen_link"),
    path("", include(("balai.registry.importing.urls", "registry_import"))),
]
