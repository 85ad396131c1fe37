"""Notification channels: e-mail (Django mail), a log channel standing in for WhatsApp/SMS, and an
HTTP gateway adapter for a real WhatsApp/SMS provider.

A channel is any object with ``name`` and ``send(*, to, subject, body) -> str`` returning a provider
reference, raising ``DeliveryError`` when the message could not be delivered (the caller retries).

Configuration (environment):

* ``BALAI_WHATSAPP_GATEWAY_URL`` — when set, WhatsApp/SMS messages are POSTed as JSON
  ``{"to": "+62…", "channel": "whatsapp", "message": "…"}`` to this URL; otherwise they are written
  to the ``balai.notify`` log (the console in development).
* ``BALAI_WHATSAPP_GATEWAY_TOKEN`` — sent as ``Authorization: Bearer <token>``.

Templates are plain strings with ``{placeholders}``; ``render`` fills them and leaves unknown
placeholders visible instead of failing.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger("balai.notify")


class DeliveryError(Exception):
    """The channel could not deliver the message (temporary or permanent)."""


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, context: dict) -> str:
    return template.format_map(_SafeDict({k: ("" if v is None else v) for k, v in context.items()}))


def normalise_phone(phone: str) -> str:
    """Indonesian mobile numbers to E.164: 0812… → +62812…; empty when it does not look like one."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    if digits.startswith("+"):
        return digits if len(digits) >= 10 else ""
    if digits.startswith("62"):
        return "+" + digits
    if digits.startswith("0") and len(digits) >= 9:
        return "+62" + digits[1:]
    return ""


class Channel:
    name = "base"

    def send(self, *, to: str, subject: str, body: str) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class EmailChannel(Channel):
    name = "email"

    def send(self, *, to, subject, body):
        try:
            sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
        except Exception as exc:  # SMTP errors of every kind are delivery failures
            raise DeliveryError(str(exc)) from exc
        if not sent:
            raise DeliveryError("mail backend accepted no message")
        return f"email:{to}"


class LogChannel(Channel):
    """Writes the message to the log: the working backend for WhatsApp/SMS without a gateway."""

    def __init__(self, name="whatsapp"):
        self.name = name

    def send(self, *, to, subject, body):
        logger.info("[%s] to %s: %s", self.name, to, body)
        return f"log:{self.name}:{to}"


class HttpGatewayChannel(Channel):
    """POSTs the message as JSON to a WhatsApp/SMS gateway (documented in docs/applications.md)."""

    def __init__(self, url: str, token: str = "", name: str = "whatsapp", timeout: float = 10.0):
        self.url = url
        self.token = token
        self.name = name
        self.timeout = timeout

    def send(self, *, to, subject, body):
        payload = json.dumps({"to": to, "channel": self.name, "message": body}).encode()
        request = urllib.request.Request(self.url, data=payload, method="POST",
                                         headers={"Content-Type": "application/json"})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                raw = response.read(4096)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise DeliveryError(f"gateway: {exc}") from exc
        try:
            return str(json.loads(raw or b"{}").get("id", "")) or "gateway"
        except ValueError:
            return "gateway"


def get_channel(name: str) -> Channel:
    """The channel for ``name`` ("email", "whatsapp", "sms") as configured by the environment."""
    if name == "email":
        return EmailChannel()
    url = os.environ.get("BALAI_WHATSAPP_GATEWAY_URL", "")
    if url:
        return HttpGatewayChannel(url, os.environ.get("BALAI_WHATSAPP_GATEWAY_TOKEN", ""), name=name)
    return LogChannel(name)
