from rest_framework.routers import SimpleRouter

from .api import AgencyViewSet, LifeEventViewSet, ServiceViewSet

router = SimpleRouter()
router.register("services", ServiceViewSet, basename="service")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("service-life-events", LifeEventViewSet, basename="service-life-event")
urlpatterns = router.urls
