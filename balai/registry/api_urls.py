from rest_framework.routers import SimpleRouter

from .api import FamilyViewSet, LifeEventViewSet, PersonViewSet, SchoolingViewSet, WelfareViewSet

router = SimpleRouter()
router.register("persons", PersonViewSet, basename="person")
router.register("families", FamilyViewSet, basename="family")
router.register("life-events", LifeEventViewSet, basename="lifeevent")
router.register("welfare", WelfareViewSet, basename="welfare")
router.register("schooling", SchoolingViewSet, basename="schooling")
urlpatterns = router.urls
