"""Signing issued documents (letters and every later kind): a small interface with two implementations.

``Signer.sign(document_bytes, *, signer_user, office, **options) -> Signature``

* ``SealSigner`` (built in, the default): records who signed, when, and the SHA-256 of the PDF, and
  seals those facts with an HMAC-SHA256 under the office's key. The office key is derived from
  ``BALAI_LETTER_SEAL_SECRET`` and the office code (required in production, see settings.py; outside
  production it falls back to ``SECRET_KEY``), so that the Django key can rotate without invalidating
  seals. Anyone holding the key can check a seal with ``SealSigner.verify``.
* ``BSrESigner``: adapter for the national electronic-signature service (BSrE TTE). It posts the PDF
  with the signer's NIK and the passphrase the signer types at every signing to the endpoint in
  ``BALAI_BSRE_URL`` and returns the signed PDF. The passphrase is passed per call and never stored.

``BALAI_LETTER_SIGNER`` (``seal`` or ``bsre``, or a dotted path to a ``Signer`` subclass) chooses. All
four settings are read from the environment in ``balai/settings.py`` (docs/configuration.md).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


@dataclass
class Signature:
    method: str
    signer_id: int
    signer_name: str
    office_code: str
    signed_at: datetime
    document_sha256: str
    key_id: str = ""
    value: str = ""
    # A signer that embeds the signature in the document (BSrE) returns the new PDF here.
    signed_document: bytes | None = None
    extra: dict = field(default_factory=dict)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Signer:
    method = "abstract"
    needs_passphrase = False  # True: the signer types NIK + passphrase at every signing (BSrE)

    def sign(self, document_bytes: bytes, *, signer_user, office, **options) -> Signature:
        raise NotImplementedError


class SealSigner(Signer):
    """HMAC seal with a per-office key: proves the record was made by this installation for this
    office and that the PDF hash has not been changed since."""

    method = "seal"

    @staticmethod
    def office_key(office_code: str) -> bytes:
        secret = getattr(settings, "BALAI_LETTER_SEAL_SECRET", "") or settings.SECRET_KEY
        return hmac.new(secret.encode(), f"balai-letter-seal:{office_code}".encode(), hashlib.sha256).digest()

    @classmethod
    def key_id(cls, office_code: str) -> str:
        return f"{office_code}:{hashlib.sha256(cls.office_key(office_code)).hexdigest()[:12]}"

    @staticmethod
    def message(*, document_sha256, signer_id, office_code, signed_at) -> bytes:
        return f"{document_sha256}|{signer_id}|{office_code}|{signed_at.isoformat()}".encode()

    def sign(self, document_bytes: bytes, *, signer_user, office, **options) -> Signature:
        signed_at = options.get("signed_at") or timezone.now()
        digest = sha256_hex(document_bytes)
        value = hmac.new(self.office_key(office.code), self.message(
            document_sha256=digest, signer_id=signer_user.pk, office_code=office.code, signed_at=signed_at,
        ), hashlib.sha256).hexdigest()
        return Signature(method=self.method, signer_id=signer_user.pk, signer_name=signer_user.display_name(),
                         office_code=office.code, signed_at=signed_at, document_sha256=digest,
                         key_id=self.key_id(office.code), value=value)

    @classmethod
    def verify(cls, *, document_bytes: bytes, signature_value: str, signer_id, office_code, signed_at) -> bool:
        expected = hmac.new(cls.office_key(office_code), cls.message(
            document_sha256=sha256_hex(document_bytes), signer_id=signer_id, office_code=office_code,
            signed_at=signed_at,
        ), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature_value)


class BSrESigner(Signer):
    """Adapter for BSrE's TTE signing API (``POST {BALAI_BSRE_URL}/api/sign/pdf``, multipart with the
    PDF, the signer's NIK and passphrase; basic auth ``BALAI_BSRE_USER``/``BALAI_BSRE_PASSWORD``).
    Call ``sign(pdf, signer_user=..., office=..., nik=..., passphrase=...)``; the passphrase is used
    for this one request and never stored or logged. Tested against a local stand-in of the endpoint
    (``tests/letters/test_bsre_signing.py``)."""

    method = "bsre"
    needs_passphrase = True

    def __init__(self, base_url=None, username=None, password=None, timeout=30):
        self.base_url = (base_url or getattr(settings, "BALAI_BSRE_URL", "")).rstrip("/")
        self.username = username or getattr(settings, "BALAI_BSRE_USER", "")
        self.password = password or getattr(settings, "BALAI_BSRE_PASSWORD", "")
        self.timeout = timeout

    def sign(self, document_bytes: bytes, *, signer_user, office, nik: str = "", passphrase: str = "",
             **options) -> Signature:
        if not self.base_url:
            raise ImproperlyConfigured("BALAI_BSRE_URL is not set")
        if not nik or not passphrase:
            raise ValidationError(_("Tanda tangan BSrE memerlukan NIK penanda tangan dan passphrase."))
        import urllib.error
        import urllib.request
        import uuid as uuid_module
        from base64 import b64encode

        boundary = uuid_module.uuid4().hex
        parts = []
        for name, value in (("nik", nik), ("passphrase", passphrase), ("tampilan", "invisible")):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat.pdf"\r\n'
                     f"Content-Type: application/pdf\r\n\r\n".encode() + document_bytes + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(f"{self.base_url}/api/sign/pdf", data=b"".join(parts), method="POST")
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        if self.username:
            request.add_header("Authorization", "Basic " + b64encode(f"{self.username}:{self.password}".encode()).decode())
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                signed = response.read()
        except urllib.error.HTTPError as error:
            if error.code in (400, 401, 403):
                raise ValidationError(_("BSrE menolak NIK atau passphrase penanda tangan. Periksa keduanya lalu "
                                        "tandatangani lagi.")) from None
            raise ValidationError(_("Layanan tanda tangan elektronik BSrE menjawab galat %(code)s; coba lagi nanti.")
                                  % {"code": error.code}) from None
        except OSError as error:
            raise ValidationError(_("Layanan tanda tangan elektronik BSrE tidak dapat dihubungi: %(error)s")
                                  % {"error": error}) from None
        del passphrase
        return Signature(method=self.method, signer_id=signer_user.pk, signer_name=signer_user.display_name(),
                         office_code=office.code, signed_at=timezone.now(), document_sha256=sha256_hex(signed),
                         key_id=f"bsre:{nik[:6]}…", value="", signed_document=signed)


SIGNERS = {"seal": SealSigner, "bsre": BSrESigner}


def get_signer() -> Signer:
    name = getattr(settings, "BALAI_LETTER_SIGNER", "") or "seal"
    klass = SIGNERS.get(name) or import_string(name)
    return klass()
