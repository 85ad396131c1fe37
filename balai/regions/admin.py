from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Region, VillageUnit


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "level"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "level", "kind", "parent"]
    show_full_result_count = False


@admin.register(VillageUnit)
class VillageUnitAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "village", "kind", "head_name"]
    list_filter = ["kind"]
    search_fields = ["name", "village__name", "village__code"]
    raw_id_fields = ["village", "parent"]
