from django.contrib import admin

from .models import Letter, LetterType, OutgoingMail


@admin.register(LetterType)
class LetterTypeAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "classification_code", "order", "is_active"]
    list_editable = ["classification_code", "order", "is_active"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["number", "letter_type", "village", "issued_at", "status"]
    list_filter = ["document__status", "letter_type"]
    search_fields = ["number"]
    list_select_related = ["letter_type", "village", "document"]
    exclude = ["holder", "data"]
    readonly_fields = ["public_id", "document", "letter_type", "village", "office", "person", "number", "sequence",
                       "sequence_scope", "year", "issued_at", "holder_name", "purpose", "signer", "signer_name",
                       "signer_title", "signed_at", "status"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["number", "subject", "recipient", "sent_on"]
    readonly_fields = ["number", "sequence", "created_by"]

    def has_add_permission(self, request):
        return False  # numbers come from outgoing_mail_register, never typed by hand
