"""The public verification page behind every document's QR code (``/verifikasi/<token>/``): whether
the document is valid or revoked, what it is (as its kind describes it), and a PDF upload that is
compared by SHA-256 with the issued file. Every check is logged (``core.DocumentCheck``)."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from balai.core.access import public
from balai.core.models import Document, DocumentCheck
from balai.core.ratelimit import attempt_allowed, too_many_attempts_message

from .kinds import describe
from .services import document_check_record

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF dokumen"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 10 MB)."))
        return upload


@public
def verify(request, token):
    document = Document.objects.filter(verification_token=token).first()
    if document is None:
        return render(request, "documents/verify_unknown.html", status=404)
    result, status, refused = None, 200, ""
    form = VerifyUploadForm()
    if request.method == "POST" and not attempt_allowed(request, "verify_upload"):
        refused, status = too_many_attempts_message("verify_upload"), 429
    elif request.method == "POST":
        form = VerifyUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            record = document_check_record(document=document, method=DocumentCheck.Method.UPLOAD, request=request,
                                           presented_bytes=b"".join(upload.chunks()))
            result = record.result
    else:
        document_check_record(document=document, method=DocumentCheck.Method.VIEW, request=request)
    return render(request, "documents/verify.html", {
        "document": document, "facts": describe(document), "form": form, "result": result, "refused": refused,
    }, status=status)
