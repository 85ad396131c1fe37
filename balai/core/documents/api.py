"""Public verification API for documents of every kind: GET the facts by the QR token, POST a PDF
(``file``) or its ``sha256`` to learn whether it is exactly the issued document. Every check is logged."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.core.access import PUBLIC
from balai.core.models import Document, DocumentCheck
from balai.core.throttling import PublicThrottle

from .kinds import describe
from .services import document_check_record
from .views import MAX_UPLOAD_BYTES


class VerificationSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    status = serializers.CharField()
    kind = serializers.CharField()
    document_type = serializers.CharField()
    number = serializers.CharField()
    issued_on = serializers.DateField(allow_null=True)
    issuing_office = serializers.CharField()
    signer = serializers.CharField()
    holder_name = serializers.CharField(help_text="Nama pemegang, sebagian disamarkan")
    revoke_reason = serializers.CharField(allow_blank=True)
    pdf_matches = serializers.BooleanField(allow_null=True, required=False)


def _facts(document, pdf_matches=None):
    facts = describe(document)
    return {
        "valid": document.is_valid, "status": document.status, "kind": document.kind,
        "document_type": facts.title, "number": facts.number, "issued_on": facts.issued_on,
        "issuing_office": facts.issuing_office, "signer": facts.signer, "holder_name": facts.holder_masked,
        "revoke_reason": document.revoke_reason, "pdf_matches": pdf_matches,
    }


class VerificationView(APIView):
    """Public check of a document by the token in its QR code. POST a PDF (``file``) or its ``sha256`` to
    learn whether it is exactly the issued document. Every check is logged."""

    access = PUBLIC
    authentication_classes = []
    throttle_classes = [PublicThrottle]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(responses=VerificationSerializer)
    def get(self, request, token):
        document = get_object_or_404(Document, verification_token=token)
        document_check_record(document=document, method=DocumentCheck.Method.API, request=request)
        return Response(VerificationSerializer(_facts(document)).data)

    @extend_schema(request=inline_serializer("VerificationCheck", {
        "sha256": serializers.CharField(required=False), "file": serializers.FileField(required=False)}),
        responses=VerificationSerializer)
    def post(self, request, token):
        document = get_object_or_404(Document, verification_token=token)
        upload = request.FILES.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                return Response({"detail": _("Berkas terlalu besar (maksimal 10 MB).")}, status=400)
            record = document_check_record(document=document, method=DocumentCheck.Method.API, request=request,
                                           presented_bytes=b"".join(upload.chunks()))
        else:
            digest = str(request.data.get("sha256", "")).strip().lower()
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                return Response({"detail": _("Kirim berkas PDF (file) atau SHA-256 heksadesimal (sha256).")},
                                status=400)
            record = document_check_record(document=document, method=DocumentCheck.Method.API, request=request,
                                           presented_sha256=digest)
        return Response(VerificationSerializer(_facts(document, record.result == DocumentCheck.Result.MATCH)).data)
