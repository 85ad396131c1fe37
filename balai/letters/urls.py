from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("surat/", views.letter_list, name="list"),
    path("surat/<uuid:public_id>/", views.letter_detail, name="detail"),
    path("surat/<uuid:public_id>/pdf/", views.letter_pdf, name="pdf"),
    path("surat/<uuid:public_id>/cabut/", views.letter_revoke_view, name="revoke"),
    path("surat/unduh/<uuid:token>/", views.download_public, name="download_public"),
]
