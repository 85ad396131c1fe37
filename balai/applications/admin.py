from django.contrib import admin

from .models import Application, ApplicationEvent, Complaint, SurveyResponse


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor_name", "office", "role", "action", "from_status", "to_status", "note"]
    exclude = ["actor"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["reference", "service", "applicant_name", "status", "due_date"]
    list_filter = ["status", "channel"]
    search_fields = ["reference"]
    show_full_result_count = False
    readonly_fields = [f.name for f in Application._meta.fields]
    inlines = [EventInline]

    def has_add_permission(self, request):
        return False


@admin.register(SurveyResponse)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["created_at", "service", "agency", "hall", "source"]
    show_full_result_count = False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "office", "status", "response_due"]
    list_filter = ["status"]
