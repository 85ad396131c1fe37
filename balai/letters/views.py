"""Letter pages: the staff list/detail/PDF/revoke (scoped) and the citizen's download of a finished
letter. The public verification page behind the QR code is the documents one (``documents:verify``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from balai.accounts.scope import scope_for
from balai.core.access import allow, public
from balai.core.audit import log_access
from balai.core.models import AccessLog
from balai.core.ratelimit import attempt_allowed, too_many_attempts_message

from .formatting import mask_name
from .forms import RevokeForm, TrackForm
from .hooks import download_link_valid
from .models import Letter, LetterType
from .permissions import letter_officer, letter_viewer
from .selectors import letter_list_page
from .services import letter_revoke

DOWNLOAD_SESSION_KEY = "letters_download_grants"


def _scoped_letter(request, public_id) -> Letter:
    letter = get_object_or_404(Letter.objects.select_related("letter_type", "village", "office", "document"),
                               public_id=public_id)
    if not scope_for(request).covers(letter.village_id):
        raise PermissionDenied
    return letter


def _pdf_response(letter: Letter, *, inline=True) -> HttpResponse:
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    filename = f"{letter.letter_type.key}-{letter.number.replace('/', '-')}.pdf"
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@allow(letter_viewer)
def letter_list(request):
    before = request.GET.get("before")
    rows, next_before = letter_list_page(
        request, before=int(before) if before and before.isdigit() else None,
        letter_type=request.GET.get("jenis") or None, query=(request.GET.get("q") or "").strip(),
    )
    for letter in rows:
        letter.holder_masked = mask_name(letter.holder_name)
    return render(request, "letters/letter_list.html", {
        "letters": rows, "next_before": next_before, "letter_types": LetterType.objects.filter(is_active=True),
        "current_type": request.GET.get("jenis", ""), "query": request.GET.get("q", ""),
    })


@allow(letter_viewer)
def letter_detail(request, public_id):
    letter = _scoped_letter(request, public_id)
    log_access(request, obj=letter, label=f"{letter.letter_type.title} {letter.number}", region_code=letter.village_id)
    verifications = letter.document.checks.order_by("-at")[:20]
    return render(request, "letters/letter_detail.html", {
        "letter": letter, "verifications": verifications, "revoke_form": RevokeForm(),
        "can_revoke": letter_officer(request) and letter.is_valid,
    })


@allow(letter_viewer)
def letter_pdf(request, public_id):
    letter = _scoped_letter(request, public_id)
    log_access(request, obj=letter, label=f"PDF {letter.number}", region_code=letter.village_id,
               action=AccessLog.Action.DOWNLOAD)
    return _pdf_response(letter)


@allow(letter_officer)
def letter_revoke_view(request, public_id):
    letter = _scoped_letter(request, public_id)
    if request.method != "POST":
        return redirect("letters:detail", public_id=letter.public_id)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            letter_revoke(letter=letter, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Surat telah dicabut. Halaman verifikasi kini menyatakan surat tidak berlaku."))
    else:
        messages.error(request, _("Tuliskan alasan pencabutan (minimal 5 karakter)."))
    return redirect("letters:detail", public_id=letter.public_id)


@public
@never_cache  # personal data after the check: never kept in a cache
def download_public(request, token):
    """A citizen downloads the finished letter of their application (``token`` is the application's
    public id). They must have proved they know the reference and the applicant's birth date: on the
    status page (whose link carries a signed, expiring key) or in the form here; the proof is kept in
    their session."""
    letter = Letter.objects.select_related("letter_type", "application", "document").filter(
        application__public_id=token).first()
    if letter is None:
        raise Http404
    application = letter.application
    grants = request.session.get(DOWNLOAD_SESSION_KEY, [])
    key = request.GET.get("k")
    if key and download_link_valid(application, key):
        grant_download(request, application)
        grants = request.session[DOWNLOAD_SESSION_KEY]
    if str(application.public_id) in grants:
        if not letter.is_valid:
            return render(request, "letters/download_public.html", {"letter": letter, "revoked": True}, status=410)
        return _pdf_response(letter, inline=False)
    form = TrackForm(request.POST or None)
    if request.method == "POST" and not attempt_allowed(request, "letter_download"):
        # Reference + birth date is a secret a stranger could guess by trying (a birth date falls in
        # 32 tries): the same attempt limit as the status page, counted per client.
        form.is_valid()
        form.add_error(None, too_many_attempts_message("letter_download"))
        return render(request, "letters/download_public.html", {"letter": letter, "form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        from balai.applications.models import normalise_reference

        if (normalise_reference(form.cleaned_data["reference"]) == application.reference
                and form.cleaned_data["birth_date"] == application.applicant_birth_date):
            request.session[DOWNLOAD_SESSION_KEY] = [*grants, str(application.public_id)][-20:]
            return redirect("letters:download_public", token=token)
        form.add_error(None, _("Nomor permohonan atau tanggal lahir tidak cocok."))
    return render(request, "letters/download_public.html", {"letter": letter, "form": form})


def grant_download(request, application):
    """Let this session download the application's letter (called once the requester has proved they
    know the reference and birth date)."""
    grants = request.session.get(DOWNLOAD_SESSION_KEY, [])
    if str(application.public_id) not in grants:
        request.session[DOWNLOAD_SESSION_KEY] = [*grants, str(application.public_id)][-20:]

