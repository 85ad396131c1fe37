"""The notification outbox: every message is a ``core.OutboxMessage`` row, sent by a background task
after the transaction that wrote it commits, never inside it.

* ``outbox_enqueue(*, transport, to, subject, body, about, kind, max_attempts)`` writes the row inside the caller's
  transaction and, on commit, enqueues ``balai.core.tasks.outbox_deliver`` (django-tasks). A rolled-back
  transaction leaves neither the row nor a send.
* ``outbox_send_due()`` claims due rows — ``SELECT … FOR UPDATE SKIP LOCKED`` where the database has it,
  and always a conditional ``UPDATE`` that counts the attempt and pushes ``next_attempt_at`` forward by
  a lease (``CLAIM_SECONDS``) — commits the claim, then calls the transport outside any transaction.
  Success records ``sent``, ``sent_at`` and the provider reference; a failure keeps the error and
  schedules the next attempt after ``BALAI_OUTBOX_BACKOFF_MINUTES``; after the row's ``max_attempts``
  (default ``BALAI_OUTBOX_MAX_ATTEMPTS``) the row is ``failed``. A sender that dies after claiming leaves the row queued with the lease as its
  next attempt time, so the next sweep (``balai send_outbox``, or the one ``balai worker`` runs every
  ``BALAI_OUTBOX_SWEEP_SECONDS``) sends it again.
"""

from __future__ import annotations

import datetime as dt
import logging
from datetime import datetime
from time import monotonic

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import OutboxMessage
from .notify import DeliveryError, get_transport

logger = logging.getLogger("balai.outbox")

# How long a claimed row belongs to its sender: far longer than a transport's timeout. A sender that
# has spent half of it on one batch gives the unsent rest back instead of racing the lease.
CLAIM_SECONDS = 300


def outbox_enqueue(*, transport: str, to: str, subject: str = "", body: str, about: str = "",
                   kind: str = "", max_attempts: int | None = None) -> OutboxMessage:
    """Write one message (inside the caller's transaction) and send it in the background after commit."""
    if transport not in settings.BALAI_NOTIFY_TRANSPORTS:
        raise ValueError(f"unknown notification channel {transport!r}: see BALAI_NOTIFY_TRANSPORTS")
    message = OutboxMessage.objects.create(transport=transport, recipient=to[:200], subject=subject[:200],
                                           body=body, about=about[:80], kind=kind[:40], max_attempts=max_attempts,
                                           next_attempt_at=timezone.now())
    transaction.on_commit(lambda: _schedule(message.pk), robust=True)
    return message


def _schedule(message_id: int, run_after: datetime | None = None) -> None:
    from .tasks import outbox_deliver

    task = outbox_deliver
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the periodic sweep sends it when it is due
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the attempt after ``attempts`` failed ones: 1, 5, 30, 30… minutes by default."""
    minutes = settings.BALAI_OUTBOX_BACKOFF_MINUTES or [1]
    return dt.timedelta(minutes=minutes[min(max(attempts, 1), len(minutes)) - 1])


def _claim(*, now: datetime, ids=None, limit: int = 100) -> list[OutboxMessage]:
    due = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now)
    if ids is not None:
        due = due.filter(pk__in=ids)
    due = due.order_by("next_attempt_at", "pk")
    lease = now + dt.timedelta(seconds=CLAIM_SECONDS)
    claimed = []
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        for pk, attempts in list(due.values_list("pk", "attempts")[:limit]):
            # Compare-and-set: only one sender moves a row from these attempts to the next.
            if OutboxMessage.objects.filter(pk=pk, status=OutboxMessage.Status.QUEUED, attempts=attempts,
                                            next_attempt_at__lte=now).update(attempts=attempts + 1,
                                                                             next_attempt_at=lease):
                claimed.append(pk)
    return list(OutboxMessage.objects.filter(pk__in=claimed).order_by("pk"))


def _send(message: OutboxMessage, *, now: datetime | None) -> str:
    """Call the transport (no transaction open here) and record the outcome; returns the new status."""
    try:
        reference = get_transport(message.transport).send(to=message.recipient, subject=message.subject,
                                                           body=message.body)
        error = ""
    except DeliveryError as exc:
        error = str(exc) or exc.__class__.__name__
    except Exception as exc:  # a broken transport must not leave the row claimed forever
        logger.exception("outbox message %s: transport %s raised", message.pk, message.transport)
        error = f"{exc.__class__.__name__}: {exc}"
    finished = now or timezone.now()
    row = OutboxMessage.objects.filter(pk=message.pk)
    if not error:
        row.update(status=OutboxMessage.Status.SENT, sent_at=finished, provider_ref=str(reference or "")[:200],
                   last_error="", next_attempt_at=None)
        return OutboxMessage.Status.SENT
    if message.attempts >= (message.max_attempts or settings.BALAI_OUTBOX_MAX_ATTEMPTS):
        row.update(status=OutboxMessage.Status.FAILED, last_error=error[:1000], next_attempt_at=None)
        logger.warning("outbox message %s failed after %s attempts: %s", message.pk, message.attempts, error)
        return OutboxMessage.Status.FAILED
    retry_at = finished + backoff(message.attempts)
    row.update(last_error=error[:1000], next_attempt_at=retry_at)
    try:
        _schedule(message.pk, run_after=retry_at)  # a deferred task; the sweep would also find it
    except Exception:  # the sweep sends it when it is due
        logger.exception("outbox message %s: retry not scheduled", message.pk)
    return OutboxMessage.Status.QUEUED


def outbox_send_due(*, now: datetime | None = None, ids=None, limit: int = 100) -> dict[str, int]:
    """Send what is due (optionally only ``ids``); call it outside any transaction. Returns counts."""
    counts = {"sent": 0, "queued": 0, "failed": 0}
    claimed_at = monotonic()
    messages = _claim(now=now or timezone.now(), ids=ids, limit=limit)
    for index, message in enumerate(messages):
        if monotonic() - claimed_at > CLAIM_SECONDS / 2:
            _release(messages[index:])  # slow transports: give the rest back before their lease runs out
            break
        counts[_send(message, now=now)] += 1
    return counts


def _release(messages: list[OutboxMessage]) -> None:
    """Hand claimed but unsent rows back, due at once, their attempt not counted."""
    for message in messages:
        OutboxMessage.objects.filter(pk=message.pk, status=OutboxMessage.Status.QUEUED, attempts=message.attempts,
                                     next_attempt_at=message.next_attempt_at).update(
            attempts=message.attempts - 1, next_attempt_at=timezone.now())


def outbox_deliver_one(message_id: int) -> str:
    """The task's body: send one message if it is due (a failure schedules its own retry)."""
    counts = outbox_send_due(ids=[message_id], limit=1)
    for status in (OutboxMessage.Status.SENT, OutboxMessage.Status.QUEUED, OutboxMessage.Status.FAILED):
        if counts[status]:
            return status
    return "not-due"  # already sent, failed, claimed by another sender, or not yet due


def outbox_sweep_forever(every: float, *, stop=None) -> None:
    """Send what is due every ``every`` seconds until ``stop`` (a threading.Event) is set. Used by
    ``balai send_outbox --every N`` and by the sweep thread of ``balai worker``."""
    import threading

    from django.db import close_old_connections

    stop = stop or threading.Event()
    while not stop.is_set():
        try:
            while sum(outbox_send_due().values()) >= 100:  # a full batch: more may be due
                pass
        except Exception:  # the database may be briefly away; try again next round
            logger.exception("outbox sweep failed")
        finally:
            close_old_connections()
        stop.wait(every)
