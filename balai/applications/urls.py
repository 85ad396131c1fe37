from django.urls import path

from . import views

app_name = "applications"
urlpatterns = [
    path("layanan/<slug:service_code>/ajukan/", views.apply, name="apply"),
    path("permohonan/<uuid:public_id>/", views.detail, name="detail"),
    path("permohonan/<uuid:public_id>/aksi/", views.transition, name="transition"),
    path("permohonan/<uuid:public_id>/berkas/", views.upload, name="upload"),
    path("permohonan/<uuid:public_id>/berkas/<uuid:file_id>/", views.attachment, name="attachment"),
    path("permohonan-saya/", views.mine, name="mine"),
    path("lacak/", views.track, name="track"),
    path("antrean-kerja/", views.queue, name="queue"),
    path("kinerja-layanan/", views.sla, name="sla"),
    path("survei/kios/", views.kiosk, name="kiosk"),
    path("survei/kios/daftarkan/", views.kiosk_enroll, name="kiosk_enroll"),
    path("survei/<uuid:token>/", views.survey, name="survey"),
    path("ikm/", views.ikm, name="ikm"),
    path("pengaduan/", views.complaint_new, name="complaint_new"),
    path("pengaduan/<str:token>/", views.complaint_view, name="complaint_view"),
    path("pengaduan-masuk/", views.complaints, name="complaints"),
    path("pengaduan-masuk/<uuid:public_id>/", views.complaint_detail, name="complaint_detail"),
]
