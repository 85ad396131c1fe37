from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import ApplicationViewSet, ComplaintViewSet, SurveyResultsView

router = SimpleRouter()
router.register("applications", ApplicationViewSet, basename="application")
router.register("complaints", ComplaintViewSet, basename="complaint")
urlpatterns = [
    path("survey-results/", SurveyResultsView.as_view(), name="survey-results"),
    *router.urls,
]
