"""The document pipeline for every kind of official document: render (WeasyPrint), QR, sign (local
seal or BSrE), store (Django's storage API: ``MEDIA_ROOT`` or an S3-compatible backend), verify
publicly (``/verifikasi/<token>/``, ``/api/v1/verifications/<token>/``) and revoke.

* ``render``: ``qr_svg``, ``qr_svg_data_uri``, ``qr_png_bytes``, ``html_to_pdf``, ``render_pdf``;
* ``signing``: ``Signer``, ``SealSigner``, ``BSrESigner``, ``get_signer``;
* ``kinds``: ``register_kind(DocumentKind(key, describe))`` — how the public page describes a kind;
* ``services``: ``document_store``, ``document_revoke``, ``document_check_record``;
* models ``core.Document`` and ``core.DocumentCheck``.

See docs/architecture.md ("Documents").
"""

from .render import html_to_pdf, qr_png_bytes, qr_svg, qr_svg_data_uri, render_pdf

__all__ = ["html_to_pdf", "qr_png_bytes", "qr_svg", "qr_svg_data_uri", "render_pdf"]
