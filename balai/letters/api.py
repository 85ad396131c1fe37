"""Letters API: staff read their scope's letters (keyset pages) and revoke. Anyone verifies a letter by
its QR token with the documents API (``/api/v1/verifications/<token>/``, ``balai.core.documents.api``)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.accounts.scope import scope_for
from balai.core.audit import log_access
from balai.core.links import UUID_PATTERN

from .formatting import mask_name
from .models import Letter
from .permissions import letter_officer, letter_viewer
from .selectors import letters_visible_to
from .services import letter_revoke


class LetterSerializer(serializers.ModelSerializer):
    letter_type = serializers.CharField(source="letter_type.key")
    title = serializers.CharField(source="letter_type.title")
    village = serializers.CharField(source="village_id")
    holder_name = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()
    pdf_sha256 = serializers.CharField(source="document.sha256")
    signature_method = serializers.CharField(source="document.signature_method")
    status = serializers.CharField(source="document.status")
    revoked_at = serializers.DateTimeField(source="document.revoked_at")
    revoke_reason = serializers.CharField(source="document.revoke_reason")

    class Meta:
        model = Letter
        fields = ["public_id", "number", "letter_type", "title", "village", "holder_name", "purpose", "issued_at",
                  "signer_name", "signer_title", "signature_method", "pdf_sha256", "status", "revoked_at",
                  "revoke_reason", "verification_url"]

    def get_holder_name(self, letter) -> str:
        # Lists show the holder's name masked; the detail (a logged read) shows it in full.
        return letter.holder_name if self.context.get("full") else mask_name(letter.holder_name)

    def get_verification_url(self, letter) -> str:
        return letter.verification_url()


class NewestFirst(CursorPagination):
    ordering = "-id"
    page_size = 50


class LetterViewSet(viewsets.ReadOnlyModelViewSet):
    """Issued village letters within the acting office's region (newest first, cursor pages)."""

    access = letter_viewer
    serializer_class = LetterSerializer
    pagination_class = NewestFirst
    lookup_field = "public_id"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return letters_visible_to(self.request).select_related("letter_type", "document").defer("holder", "data")

    def retrieve(self, request, *args, **kwargs):
        letter = get_object_or_404(Letter.objects.select_related("letter_type", "document"),
                                   public_id=kwargs["public_id"])
        if not scope_for(request).covers(letter.village_id):
            raise PermissionDenied  # another village's letter: refused, not hidden
        log_access(request, obj=letter, label=f"{letter.letter_type.title} {letter.number}",
                   region_code=letter.village_id)
        return Response(LetterSerializer(letter, context={"full": True}).data)


class LetterRevokeView(APIView):
    """Revoke a letter (secretary or head of the issuing village, administrator), with a reason."""

    access = letter_officer

    @extend_schema(request=inline_serializer("RevokeRequest", {"reason": serializers.CharField()}),
                   responses=LetterSerializer)
    def post(self, request, public_id):
        letter = get_object_or_404(Letter.objects.select_related("document"), public_id=public_id)
        if not scope_for(request).covers(letter.village_id):
            raise PermissionDenied
        try:
            letter = letter_revoke(letter=letter, actor=request.user, reason=request.data.get("reason", ""))
        except ValidationError as error:
            return Response({"detail": " ".join(error.messages)}, status=400)
        return Response(LetterSerializer(letter, context={"full": True}).data)
