from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import LifeEvent, Service


@admin.register(LifeEvent)
class LifeEventAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "agency", "level", "processing_days", "fee", "workflow", "is_active"]
    list_filter = ["level", "workflow", "is_active", "agency"]
    search_fields = ["name", "code", "description"]
    list_select_related = ["agency"]
    filter_horizontal = ["life_events"]
    autocomplete_fields = []
    fieldsets = [
        (None, {"fields": ["code", "name", "agency", "level", "description", "is_active", "order"]}),
        (_("Standar layanan"), {"fields": ["requirements", "conditions", "legal_basis", "processing_days", "fee",
                                        "fee_note", "output", "channels", "contact", "life_events"]}),
        (_("Permohonan"), {"fields": ["form_fields", "workflow", "letter_type"]}),
    ]
