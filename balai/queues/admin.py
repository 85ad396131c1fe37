from django.contrib import admin

from .models import Booking, Counter, Hall, HallService, QueueGroup, Ticket, TicketEvent


class QueueGroupInline(admin.TabularInline):
    model = QueueGroup
    extra = 0


class HallServiceInline(admin.TabularInline):
    model = HallService
    extra = 0
    autocomplete_fields = ["service"]


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    list_display = ["office", "opens_at", "closes_at", "open_days"]
    inlines = [QueueGroupInline, HallServiceInline]


@admin.register(Counter)
class CounterAdmin(admin.ModelAdmin):
    list_display = ["hall", "number", "name", "is_active"]
    list_filter = ["hall"]
    filter_horizontal = ["services", "agencies"]


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ["number", "day", "hall", "service", "status", "priority", "counter"]
    list_filter = ["hall", "status", "day"]
    readonly_fields = [f.name for f in Ticket._meta.fields]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["day", "slot", "hall", "service", "status"]
    list_filter = ["hall", "status", "day"]
    exclude = ["nik", "phone"]


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin):
    list_display = ["ticket", "kind", "at", "counter"]
    list_filter = ["kind"]
