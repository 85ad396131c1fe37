from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import LetterRevokeView, LetterViewSet

router = SimpleRouter()
router.register("letters", LetterViewSet, basename="letter")
urlpatterns = [
    *router.urls,
    path("letters/<uuid:public_id>/revoke/", LetterRevokeView.as_view(), name="letter-revoke"),
]
