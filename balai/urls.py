from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from balai.accounts import permissions as perms
from balai.core.access import PUBLIC
from balai.portal import views as portal_views


class SchemaView(SpectacularAPIView):
    access = PUBLIC


class DocsView(SpectacularSwaggerSplitView):
    access = PUBLIC


admin.site.site_header = "Balai — administrasi"
admin.site.site_title = "Balai"
# The admin is for administrators who passed two-factor sign-in; it has no login page of its own.
admin.site.has_permission = perms.administrator

urlpatterns = [
    path("", include("balai.portal.urls")),
    path("", include("balai.accounts.urls")),
    path("", include("balai.regions.urls")),
    path("", include("balai.registry.urls")),
    path("", include("balai.services.urls")),
    path("", include("balai.applications.urls")),
    path("", include("balai.core.documents.urls")),
    path("", include("balai.letters.urls")),
    path("", include("balai.queues.urls")),
    path("healthz", portal_views.healthz, name="healthz"),
    path("admin/login/", portal_views.admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("balai.regions.api_urls")),
    path("api/v1/", include("balai.accounts.api_urls")),
    path("api/v1/", include("balai.registry.api_urls")),
    path("api/v1/", include("balai.services.api_urls")),
    path("api/v1/", include("balai.applications.api_urls")),
    path("api/v1/", include("balai.core.documents.api_urls")),
    path("api/v1/", include("balai.letters.api_urls")),
    path("api/v1/", include("balai.queues.api_urls")),
]

handler403 = "balai.portal.views.error_403"
handler404 = "balai.portal.views.error_404"
handler500 = "balai.portal.views.error_500"
