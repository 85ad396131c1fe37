from django.urls import path

from . import api

urlpatterns = [
    path("tickets/", api.TicketCreate.as_view(), name="queue-ticket-create"),
    path("tickets/<str:public_id>/", api.TicketDetail.as_view(), name="queue-ticket-detail"),
    path("bookings/", api.BookingCreate.as_view(), name="queue-booking-create"),
    path("bookings/<str:token>/", api.BookingDetail.as_view(), name="queue-booking-detail"),
    path("bookings/<str:token>/check-in/", api.BookingCheckIn.as_view(), name="queue-booking-checkin"),
    path("halls/<slug:code>/board/", api.BoardState.as_view(), name="queue-board"),
    path("counters/<int:pk>/actions/", api.CounterAction.as_view(), name="queue-counter-action"),
]
