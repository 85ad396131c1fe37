from django.contrib import admin

from .models import AccessLog, DayOff, OutboxMessage, TaskProgress


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


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The delivery log of every notification (applications, queue notices, …)."""

    list_display = ["created_at", "transport", "recipient", "about", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "transport"]
    search_fields = ["about", "recipient"]
    show_full_result_count = False
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False
