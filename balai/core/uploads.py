"""Uploads: one way to accept a file from a person and to hand it back.

Accepting (``upload_check``): the size limit is checked before and while reading (never more than
``max_bytes + 1`` bytes are read); the type comes from the content (magic bytes, ``sniff_extension``),
never from the name or the browser's content type; JPEG and PNG files must really open as an image of
that format with Pillow (a file with JPEG magic and garbage behind it is refused); the result carries
the bytes, the extension, the size and the SHA-256.

Storing (``private_upload_path``): under ``MEDIA_ROOT/private/<folder>/`` with a random name and the
extension of the content — outside the static roots, and ``MEDIA_URL`` is never served; any storage
configured in ``STORAGES["default"]`` works (a ``FileField`` with this ``upload_to``).

Serving (``file_response``): only from a view that has checked permission on the owning record; the
response is an attachment (``Content-Disposition``, the file name given by the view, not by the
uploader), with ``X-Content-Type-Options: nosniff`` and ``Cache-Control: private, no-store``.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
TYPE_LABELS = {"pdf": "PDF", "jpg": "JPEG", "png": "PNG"}
DOCUMENTS_AND_IMAGES = ("pdf", "jpg", "png")
IMAGES = ("jpg", "png")
PILLOW_FORMATS = {"jpg": "JPEG", "png": "PNG"}
# Pillow refuses images of more than twice this many pixels as a decompression bomb; we refuse above it.
MAX_IMAGE_PIXELS = 50_000_000


def sniff_extension(head: bytes) -> str | None:
    """The real type of an upload from its first bytes (magic numbers), never from its name."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


@dataclass(frozen=True)
class CheckedUpload:
    content: bytes
    extension: str
    original_name: str

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.extension]


def _size_text(max_bytes: int) -> str:
    """5 242 880 → "5 MB", 524 288 → "512 KB", 20 → "20 B"."""
    if max_bytes >= 1024 * 1024:
        return f"{max_bytes / (1024 * 1024):g} MB"
    if max_bytes >= 1024:
        return f"{max_bytes / 1024:g} KB"
    return f"{max_bytes} B"


def _kinds_text(allowed) -> str:
    labels = [TYPE_LABELS[kind] for kind in allowed]
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s atau %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def image_opens(content: bytes, extension: str) -> bool:
    """Does ``content`` decode completely as an image of the format its magic bytes claim?"""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != PILLOW_FORMATS[extension]:
                    return False
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    return False
                image.verify()  # structure and checksums (PNG CRCs)
            with Image.open(io.BytesIO(content)) as image:
                image.load()  # and the pixels really decode (a truncated JPEG fails here)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):
        return False
    return True


def upload_check(upload, *, max_bytes: int = MAX_UPLOAD_BYTES, allowed=DOCUMENTS_AND_IMAGES) -> CheckedUpload:
    """Read and check an uploaded file (Django ``UploadedFile`` or anything with ``size``, ``read``,
    ``name``); raise ``ValidationError`` with a message the uploader can act on."""
    too_big = _("Berkas terlalu besar: paling banyak %(size)s.") % {"size": _size_text(max_bytes)}
    size = getattr(upload, "size", None)
    if size is None or size > max_bytes:
        raise ValidationError(too_big)
    content = upload.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise ValidationError(too_big)
    name = getattr(upload, "name", "") or ""
    extension = sniff_extension(content[:16])
    if extension is None or extension not in allowed:
        raise ValidationError(_("Berkas “%(name)s” bukan %(kinds)s.") % {"name": name, "kinds": _kinds_text(allowed)})
    if extension in IMAGES and not image_opens(content, extension):
        raise ValidationError(_("Berkas “%(name)s” tidak dapat dibuka sebagai gambar %(kind)s: berkasnya rusak "
                                "atau bukan gambar.") % {"name": name, "kind": TYPE_LABELS[extension]})
    return CheckedUpload(content=content, extension=extension, original_name=name[:200])


def private_upload_path(folder: str, extension: str) -> str:
    """``private/<folder>/<random>.<extension>`` under MEDIA_ROOT: no uploader-chosen part in the name."""
    return f"private/{folder.strip('/')}/{uuid.uuid4().hex}.{extension}"


def file_response(field_file, *, content_type: str, filename: str, inline: bool = False) -> FileResponse:
    """Serve a stored file to a person the calling view has already allowed to see it.

    ``filename`` is what the browser saves it as (chosen by the view, e.g. the application reference);
    a file missing from storage is a 404, not a 500."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
