"""Letters API: staff read their scope's letters (keyset pages) and revoke; anyone verifies a letter
by its QR token (GET) or checks a PDF's SHA-256 against the issued one (POST)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.accounts.scope import scope_for
from balai.core.access import PUBLIC
from balai.core.audit import log_access
from balai.regions.api import PublicThrottle

from .formatting import mask_name
from .models import Letter, Verification
from .permissions import letter_officer, letter_viewer
from .selectors import letters_visible_to
from .services import letter_revoke, verification_record


class LetterSerializer(serializers.ModelSerializer):
    letter_type = serializers.CharField(source="letter_type.key")
    title = serializers.CharField(source="letter_type.title")
    village = serializers.CharField(source="village_id")
    holder_name = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()

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

    def get_queryset(self):
        return letters_visible_to(self.request).select_related("letter_type").defer("pdf", "holder", "data")

    def retrieve(self, request, *args, **kwargs):
        letter = get_object_or_404(Letter.objects.select_related("letter_type"), public_id=kwargs["public_id"])
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
        letter = get_object_or_404(Letter, public_id=public_id)
        if not scope_for(request).covers(letter.village_id):
            raise PermissionDenied
        try:
            letter = letter_revoke(letter=letter, actor=request.user, reason=request.data.get("reason", ""))
        except ValidationError as error:
            return Response({"detail": " ".join(error.messages)}, status=400)
        return Response(LetterSerializer(letter, context={"full": True}).data)


class VerificationSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    status = serializers.CharField()
    document_type = serializers.CharField()
    number = serializers.CharField()
    issued_on = serializers.DateField()
    issuing_office = serializers.CharField()
    signer = serializers.CharField()
    holder_name = serializers.CharField(help_text="Nama pemegang, sebagian disamarkan")
    revoke_reason = serializers.CharField(allow_blank=True)
    pdf_matches = serializers.BooleanField(allow_null=True, required=False)


def _facts(letter, pdf_matches=None):
    from django.utils import timezone

    return {
        "valid": letter.is_valid, "status": letter.status, "document_type": letter.letter_type.title,
        "number": letter.number, "issued_on": timezone.localtime(letter.issued_at).date(),
        "issuing_office": letter.office.name, "signer": f"{letter.signer_name} ({letter.signer_title})",
        "holder_name": mask_name(letter.holder_name), "revoke_reason": letter.revoke_reason,
        "pdf_matches": pdf_matches,
    }


class VerificationView(APIView):
    """Public check of a letter by the token in its QR code. POST a PDF (``file``) or its ``sha256`` to
    learn whether it is exactly the issued document. Every check is logged."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def _letter(self, token):
        return get_object_or_404(Letter.objects.select_related("letter_type", "office"), verification_token=token)

    @extend_schema(responses=VerificationSerializer)
    def get(self, request, token):
        letter = self._letter(token)
        verification_record(letter=letter, method=Verification.Method.API, request=request)
        return Response(VerificationSerializer(_facts(letter)).data)

    @extend_schema(request=inline_serializer("VerificationCheck", {
        "sha256": serializers.CharField(required=False), "file": serializers.FileField(required=False)}),
        responses=VerificationSerializer)
    def post(self, request, token):
        letter = self._letter(token)
        upload = request.FILES.get("file")
        if upload is not None:
            if upload.size > 10 * 1024 * 1024:
                return Response({"detail": "Berkas terlalu besar (maksimal 10 MB)."}, status=400)
            record = verification_record(letter=letter, method=Verification.Method.API, request=request,
                                         presented_bytes=b"".join(upload.chunks()))
        else:
            digest = str(request.data.get("sha256", "")).strip().lower()
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                return Response({"detail": "Kirim berkas PDF (file) atau SHA-256 heksadesimal (sha256)."}, status=400)
            record = verification_record(letter=letter, method=Verification.Method.API, request=request,
                                         presented_sha256=digest)
        return Response(VerificationSerializer(_facts(letter, record.result == Verification.Result.MATCH)).data)



