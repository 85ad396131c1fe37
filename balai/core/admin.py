from django.contrib import admin

from .models import AccessLog, DayOff, TaskProgress


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "role", "office_code", "action", "object_type", "object_label"]
    list_filter = ["action", "object_type"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TaskProgress)
class TaskProgressAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "owner", "state", "done", "total", "updated_at"]
    list_filter = ["kind", "state"]


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "region_code"]
    list_filter = ["date"]
    search_fields = ["name", "region_code"]
