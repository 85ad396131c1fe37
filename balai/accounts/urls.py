from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.login_view, name="login"),
    path("masuk/kode/", views.otp_view, name="otp"),
    path("keluar/", views.logout_view, name="logout"),
    path("akun/", views.profile, name="profile"),
    path("akun/dua-langkah/", views.totp_setup, name="totp_setup"),
    path("akun/peran/", views.switch_membership, name="switch"),
    path("beranda/", views.home, name="home"),
    path("kantor/<slug:code>/", views.office_home, name="office"),
]
