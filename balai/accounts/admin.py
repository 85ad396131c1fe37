from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Office, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["office"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "kind", "is_active"]
    list_filter = ["kind", "is_active", "is_staff"]
    fieldsets = BaseUserAdmin.fieldsets + (("Balai", {"fields": ("kind", "phone")}),)
    inlines = [MembershipInline]


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "region", "work_week", "is_active"]
    list_filter = ["kind", "work_week", "is_active"]
    search_fields = ["name", "code", "region__code"]
    raw_id_fields = ["region", "parent"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "office", "role", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__username", "office__name"]
    raw_id_fields = ["user", "office"]
