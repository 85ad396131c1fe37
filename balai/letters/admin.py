from django.contrib import admin

from .models import Letter, LetterType, OutgoingMail, Verification


@admin.register(LetterType)
class LetterTypeAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "classification_code", "order", "is_active"]
    list_editable = ["classification_code", "order", "is_active"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["number", "letter_type", "village", "issued_at", "status"]
    list_filter = ["status", "letter_type"]
    search_fields = ["number"]
    exclude = ["pdf", "holder", "data"]
    readonly_fields = ["public_id", "verification_token", "letter_type", "village", "office", "person",
                                   "number", "sequence", "sequence_scope", "year", "issued_at", "holder_name",
                                   "purpose", "pdf_sha256", "signer", "signer_name", "signer_title", "signed_at",
                                   "signature_method", "signature_key_id", "signature_value", "status", "revoked_at",
                                   "revoked_by", "revoke_reason"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Verification)
class VerificationAdmin(admin.ModelAdmin):
    list_display = ["letter", "at", "method", "result"]
    list_filter = ["method", "result"]
    raw_id_fields = ["letter"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["number", "subject", "recipient", "sent_on"]
    readonly_fields = ["number", "sequence", "created_by"]

    def has_add_permission(self, request):
        return False  # numbers come from outgoing_mail_register, never typed by hand
