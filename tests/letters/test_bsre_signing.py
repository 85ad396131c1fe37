"""Signing through BSrE: the village head types NIK and passphrase on the application page, the adapter
sends them with the PDF to the TTE endpoint (here a local stand-in speaking the same HTTP), the signed
PDF it returns is the letter; the passphrase is stored nowhere; a refused passphrase refuses the signature."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from balai.applications.models import Application, ApplicationEvent
from balai.letters.models import Letter

NIK = "3510010101700001"
PASSPHRASE = "rahasia-kades-2026"
SIGNED_MARK = b"\n%BSrE-signed\n"


class StandIn(BaseHTTPRequestHandler):
    """POST /api/sign/pdf, multipart (file, nik, passphrase): 200 with the PDF plus a mark, or 401."""

    received = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        StandIn.received.append((self.path, self.headers.get("Authorization", ""), body))
        if f'name="passphrase"\r\n\r\n{PASSPHRASE}\r\n'.encode() not in body or NIK.encode() not in body:
            self.send_response(401)
            self.end_headers()
            return
        pdf = body[body.index(b"%PDF"):body.rindex(b"%%EOF") + 5]
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.end_headers()
        self.wfile.write(pdf + SIGNED_MARK)

    def log_message(self, *args):
        pass


@pytest.fixture
def bsre(settings, monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    StandIn.received = []
    settings.BALAI_LETTER_SIGNER = "bsre"
    settings.BALAI_BSRE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.BALAI_BSRE_USER = "balai"
    settings.BALAI_BSRE_PASSWORD = "kunci-api"
    yield StandIn
    server.shutdown()


def test_the_head_signs_with_nik_and_passphrase_and_the_letter_is_the_pdf_bsre_returned(world, application, bsre):
    client = world.client("head")
    url = f"/permohonan/{application.public_id}/"
    page = client.get(url).content.decode()
    assert 'id="sign-credentials"' in page and 'type="password"' in page
    response = client.post(f"{url}aksi/", {"action": "sign", "sign_nik": NIK, "sign_passphrase": PASSPHRASE})
    assert response.status_code == 302
    letter = Letter.objects.get(application=application)
    assert letter.document.signature_method == "bsre" and bytes(letter.pdf).endswith(SIGNED_MARK)
    path, authorization, _body = bsre.received[0]
    assert path == "/api/sign/pdf" and authorization.startswith("Basic ")
    # the passphrase went to BSrE and nowhere else
    stored = [str(v) for v in Letter.objects.values().get()] + [str(v) for e in ApplicationEvent.objects.values()
                                                                for v in e.values()]
    assert not any(PASSPHRASE in value for value in stored)
    assert PASSPHRASE.encode() not in bytes(letter.pdf)


def test_a_refused_passphrase_refuses_the_signature_with_a_message_and_changes_nothing(world, application, bsre):
    client = world.client("head")
    url = f"/permohonan/{application.public_id}/"
    response = client.post(f"{url}aksi/", {"action": "sign", "sign_nik": NIK, "sign_passphrase": "salah"},
                           follow=True)
    assert "BSrE menolak NIK atau passphrase" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "checked" and not Letter.objects.exists()
    assert len(bsre.received) == 1
