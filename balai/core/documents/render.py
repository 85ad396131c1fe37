"""Rendering documents: QR codes (SVG, decodable by any scanner) and PDFs (WeasyPrint)."""

import base64
import io

import segno


def qr_svg(data: str, scale: int = 4, border: int = 2) -> str:
    qr = segno.make(data, error="m", micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=scale, border=border, xmldecl=False, svgns=True)
    return buffer.getvalue().decode()


def qr_svg_data_uri(data: str, scale: int = 4) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(data, scale=scale).encode()).decode()


def qr_png_bytes(data: str, scale: int = 6, border: int = 2) -> bytes:
    qr = segno.make(data, error="m", micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    from django.template.loader import render_to_string

    html = render_to_string(template_name, context, request=request)
    return html_to_pdf(html, base_url=request.build_absolute_uri("/") if request else None)
