"""Notification transports: e-mail (Django mail), the WhatsApp/SMS HTTP gateway adapter and the log
transport (the working backend for WhatsApp/SMS when no gateway is configured), plus the registry that
maps a channel to its transport.

Messages are not sent from here directly: ``balai.core.outbox.outbox_enqueue`` writes a
``core.OutboxMessage`` row and a background task calls ``get_transport(row.transport).send(...)``
after commit.

A transport is any object with ``name`` and ``send(*, to, subject, body) -> str`` returning a provider
reference, raising ``DeliveryError`` when the message could not be delivered (the outbox retries).

Configuration (``balai/settings.py``, documented in docs/configuration.md):

* ``BALAI_NOTIFY_TRANSPORTS`` — channel → transport kind, e.g. ``{"email": "email", "whatsapp": "gateway",
  "sms": "log", "log": "log"}`` (from ``BALAI_NOTIFY_EMAIL``/``_WHATSAPP``/``_SMS``; WhatsApp and SMS
  default to ``gateway`` when a gateway URL is set, else ``log``).
* ``BALAI_WHATSAPP_GATEWAY_URL``/``_TOKEN``, ``BALAI_SMS_GATEWAY_URL``/``_TOKEN`` (SMS defaults to the
  WhatsApp gateway), ``BALAI_GATEWAY_TIMEOUT`` — the gateway receives a JSON POST
  ``{"to": "+62…", "channel": "whatsapp", "message": "…"}`` with ``Authorization: Bearer <token>``.

Another provider: write a class with ``send`` and ``register_transport("kind", factory)`` in an
``AppConfig.ready()``; ``factory(channel)`` returns the transport for that channel.

Templates are plain strings with ``{placeholders}``; ``render`` fills them and leaves unknown
placeholders visible instead of failing.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger("balai.notify")


class DeliveryError(Exception):
    """The transport could not deliver the message (temporary or permanent)."""


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


class Transport:
    name = "base"

    def send(self, *, to: str, subject: str, body: str) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class EmailTransport(Transport):
    name = "email"

    def send(self, *, to, subject, body):
        try:
            sent = send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
        except Exception as exc:  # SMTP errors of every kind are delivery failures
            raise DeliveryError(str(exc)) from exc
        if not sent:
            raise DeliveryError("mail backend accepted no message")
        return f"email:{to}"


class LogTransport(Transport):
    """Writes the message to the log: the working backend for WhatsApp/SMS without a gateway."""

    def __init__(self, name="whatsapp"):
        self.name = name

    def send(self, *, to, subject, body):
        logger.info("[%s] to %s: %s", self.name, to, body)
        return f"log:{self.name}:{to}"


class HttpGatewayTransport(Transport):
    """POSTs the message as JSON to a WhatsApp/SMS gateway (documented in docs/applications.md)."""

    def __init__(self, url: str, token: str = "", name: str = "whatsapp", timeout: float = 10.0):
        self.url = url
        self.token = token
        self.name = name
        self.timeout = timeout

    def send(self, *, to, subject, body):
        if not self.url:
            raise DeliveryError(f"gateway: no URL configured for {self.name}")
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
        except (ValueError, AttributeError):
            return "gateway"


def _gateway(channel: str) -> HttpGatewayTransport:
    if channel == "sms":
        url, token = settings.BALAI_SMS_GATEWAY_URL, settings.BALAI_SMS_GATEWAY_TOKEN
    else:
        url, token = settings.BALAI_WHATSAPP_GATEWAY_URL, settings.BALAI_WHATSAPP_GATEWAY_TOKEN
    return HttpGatewayTransport(url, token, name=channel, timeout=settings.BALAI_GATEWAY_TIMEOUT)


# Transport kinds: kind → factory(channel) -> Transport.
TRANSPORT_KINDS: dict[str, Callable[[str], Transport]] = {
    "email": lambda channel: EmailTransport(),
    "gateway": _gateway,
    "log": LogTransport,
}


def register_transport(kind: str, factory: Callable[[str], Transport]) -> None:
    """Make a transport kind available to ``BALAI_NOTIFY_TRANSPORTS`` (call from ``AppConfig.ready()``)."""
    TRANSPORT_KINDS[kind] = factory


def get_transport(channel: str) -> Transport:
    """The transport for ``channel`` ("email", "whatsapp", "sms", "log") as configured in settings."""
    kind = settings.BALAI_NOTIFY_TRANSPORTS.get(channel)
    factory = TRANSPORT_KINDS.get(kind or "")
    if factory is None:
        raise DeliveryError(f"no transport configured for channel {channel!r} (kind {kind!r})")
    return factory(channel)
