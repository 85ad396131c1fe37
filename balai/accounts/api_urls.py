from django.urls import path

from .api import MeView, TokenView

urlpatterns = [
    path("me/", MeView.as_view(), name="api-me"),
    path("token/", TokenView.as_view(), name="api-token"),
]
