from django.urls import path

from . import views

app_name = "queues"
urlpatterns = [
    path("antrean/", views.home, name="home"),
    path("antrean/analitik/", views.analytics_page, name="analytics"),
    path("antrean/analitik/csv/", views.analytics_csv, name="analytics_csv"),
    path("antrean/tiket/<str:public_id>/", views.ticket_page, name="ticket"),
    path("antrean/tiket/<str:public_id>/status/", views.ticket_status, name="ticket_status"),
    path("antrean/tiket/<str:public_id>/cetak/", views.ticket_print, name="ticket_print"),
    path("antrean/tiket/<str:public_id>/survei/", views.survey, name="survey"),
    path("antrean/booking/<str:token>/", views.booking_page, name="booking"),
    path("antrean/booking/<str:token>/batal/", views.booking_cancel, name="booking_cancel"),
    path("antrean/<slug:hall>/kios/", views.kiosk, name="kiosk"),
    path("antrean/<slug:hall>/booking/", views.booking_new, name="booking_new"),
    path("antrean/<slug:hall>/layar/", views.board, name="board"),
    path("loket/", views.console_home, name="console_home"),
    path("loket/<int:pk>/", views.console, name="console"),
    path("loket/<int:pk>/aksi/", views.console_action, name="console_action"),
]
