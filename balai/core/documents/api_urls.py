from django.urls import path

from .api import VerificationView

urlpatterns = [
    path("verifications/<str:token>/", VerificationView.as_view(), name="document-verification"),
]
