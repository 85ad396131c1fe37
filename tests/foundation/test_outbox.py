"""The notification outbox: a row per message, sent by a background task after the writing transaction
commits (never inside it), retried with back-off, given up after the configured attempts with the error
kept; the gateway adapter speaks the documented JSON; two senders never send one row twice."""

import datetime as dt
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from balai.core import notify
from balai.core.models import OutboxMessage
from balai.core.notify import DeliveryError
from balai.core.outbox import CLAIM_SECONDS, _claim, outbox_enqueue, outbox_send_due


class Recorder:
    """A transport that remembers each call and whether a transaction was open at that moment."""

    def __init__(self, fail_with=None, pause=0.0):
        self.calls = []
        self.fail_with = fail_with
        self.pause = pause
        self.lock = threading.Lock()

    def __call__(self, channel):  # the registry's factory
        return self

    name = "recorder"

    def send(self, *, to, subject, body):
        with self.lock:
            self.calls.append({"to": to, "body": body, "in_transaction": connection.in_atomic_block})
        if self.pause:
            time.sleep(self.pause)
        if self.fail_with:
            raise DeliveryError(self.fail_with)
        return f"ref-{len(self.calls)}"


@pytest.fixture
def recorder(monkeypatch, settings):
    """Every channel goes to one recording transport."""
    transport = Recorder()
    monkeypatch.setitem(notify.TRANSPORT_KINDS, "recorder", transport)
    settings.BALAI_NOTIFY_TRANSPORTS = {"email": "recorder", "whatsapp": "recorder", "sms": "recorder",
                                        "log": "recorder"}
    settings.BALAI_OUTBOX_MAX_ATTEMPTS = 4
    settings.BALAI_OUTBOX_BACKOFF_MINUTES = [1, 5, 30]
    return transport


@pytest.mark.django_db(transaction=True)
def test_a_message_is_not_sent_when_the_enqueuing_transaction_rolls_back(recorder):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            outbox_enqueue(transport="whatsapp", to="+6281234567890", body="Halo", about="application:1")
            raise RuntimeError("the write failed after the message was queued")
    assert recorder.calls == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_message_is_sent_after_commit_and_not_before(recorder):
    with transaction.atomic():
        message = outbox_enqueue(transport="whatsapp", to="+6281234567890", subject="Antrean", body="Halo",
                                 about="ticket:7", kind="three_ahead")
        assert recorder.calls == []
    assert recorder.calls == [{"to": "+6281234567890", "body": "Halo", "in_transaction": False}]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.provider_ref, message.last_error) == ("sent", 1, "ref-1", "")
    assert message.sent_at is not None and message.next_attempt_at is None


def test_a_failing_transport_is_retried_after_1_5_and_30_minutes_then_marked_failed_with_its_error(recorder, db):
    recorder.fail_with = "gateway 503"
    message = outbox_enqueue(transport="sms", to="+6281234567890", body="Halo")  # not sent: the test's
    t0 = message.next_attempt_at                                                # transaction never commits
    progress = []
    for now in [t0, t0 + dt.timedelta(seconds=30), t0 + dt.timedelta(minutes=1), t0 + dt.timedelta(minutes=6),
                t0 + dt.timedelta(minutes=36), t0 + dt.timedelta(hours=5)]:
        outbox_send_due(now=now)
        message.refresh_from_db()
        progress.append((message.status, message.attempts,
                         (message.next_attempt_at - t0) if message.next_attempt_at else None))
    assert progress == [
        ("queued", 1, dt.timedelta(minutes=1)),    # first failure: again after 1 minute
        ("queued", 1, dt.timedelta(minutes=1)),    # 30 seconds later nothing is due
        ("queued", 2, dt.timedelta(minutes=6)),    # second failure at 1 min: again 5 minutes later
        ("queued", 3, dt.timedelta(minutes=36)),   # third at 6 min: again 30 minutes later
        ("failed", 4, None),                       # fourth attempt: given up
        ("failed", 4, None),                       # a failed message is not tried again
    ]
    assert message.last_error == "gateway 503" and message.sent_at is None
    assert len(recorder.calls) == 4


def test_a_send_cut_short_by_a_crash_is_sent_by_the_sweep_once_the_claim_lease_ends(recorder, db):
    message = outbox_enqueue(transport="email", to="siti@example.id", subject="Uji", body="Halo")
    t0 = message.next_attempt_at
    assert [m.pk for m in _claim(now=t0)] == [message.pk]  # claimed, then the sender "dies"
    assert outbox_send_due(now=t0 + dt.timedelta(minutes=1)) == {"sent": 0, "queued": 0, "failed": 0}
    assert outbox_send_due(now=t0 + dt.timedelta(seconds=CLAIM_SECONDS)) == {"sent": 1, "queued": 0, "failed": 0}
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 2)
    assert [c["to"] for c in recorder.calls] == ["siti@example.id"]


def test_the_send_outbox_command_sends_what_is_due(recorder, db, capsys):
    for n in range(3):
        outbox_enqueue(transport="whatsapp", to=f"+62812000000{n}", body=f"Pesan {n}")
    call_command("send_outbox")
    assert "terkirim 3, dicoba lagi nanti 0, gagal 0" in capsys.readouterr().out
    assert sorted(c["body"] for c in recorder.calls) == ["Pesan 0", "Pesan 1", "Pesan 2"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


class Gateway(BaseHTTPRequestHandler):
    """A WhatsApp/SMS gateway stand-in: records each POST; answers {"id": …}, or 503 when told to."""

    received = []
    status = 200

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Gateway.received.append((self.path, self.headers.get("Authorization", ""),
                                 self.headers.get("Content-Type", ""), json.loads(body)))
        self.send_response(Gateway.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": f"gw-{len(Gateway.received)}"}).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway(settings, db):
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Gateway.received, Gateway.status = [], 200
    base = f"http://127.0.0.1:{server.server_port}"
    settings.BALAI_WHATSAPP_GATEWAY_URL, settings.BALAI_WHATSAPP_GATEWAY_TOKEN = f"{base}/wa/send", "token-wa"
    settings.BALAI_SMS_GATEWAY_URL, settings.BALAI_SMS_GATEWAY_TOKEN = f"{base}/sms/send", "token-sms"
    settings.BALAI_NOTIFY_TRANSPORTS = {"email": "email", "whatsapp": "gateway", "sms": "gateway", "log": "log"}
    yield Gateway
    server.shutdown()
    server.server_close()


def test_the_gateway_transport_posts_the_documented_json_with_the_bearer_token(gateway):
    wa = outbox_enqueue(transport="whatsapp", to="+6281234567890", subject="Antrean", body="Tinggal 3 nomor lagi")
    sms = outbox_enqueue(transport="sms", to="+6285200001111", body="Permohonan selesai")
    assert outbox_send_due(now=sms.next_attempt_at) == {"sent": 2, "queued": 0, "failed": 0}
    assert gateway.received == [
        ("/wa/send", "Bearer token-wa", "application/json",
         {"to": "+6281234567890", "channel": "whatsapp", "message": "Tinggal 3 nomor lagi"}),
        ("/sms/send", "Bearer token-sms", "application/json",
         {"to": "+6285200001111", "channel": "sms", "message": "Permohonan selesai"}),
    ]
    wa.refresh_from_db()
    sms.refresh_from_db()
    assert (wa.status, wa.provider_ref, sms.status, sms.provider_ref) == ("sent", "gw-1", "sent", "gw-2")


def test_a_gateway_answering_503_leaves_the_message_queued_with_the_http_error(gateway):
    gateway.status = 503
    message = outbox_enqueue(transport="whatsapp", to="+6281234567890", body="Halo")
    assert outbox_send_due(now=message.next_attempt_at) == {"sent": 0, "queued": 1, "failed": 0}
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("queued", 1)
    assert "503" in message.last_error and message.last_error.startswith("gateway: ")


@pytest.mark.django_db(transaction=True)
def test_counter_call_next_makes_no_transport_call_while_its_transaction_is_open(recorder):
    from balai.queues import services
    from balai.queues.models import Booking, Ticket, TicketNotification
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    mpp = make_hall()
    t0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 in Jakarta
    tickets = [services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"], now=t0 + dt.timedelta(minutes=i))
               for i in range(5)]
    booking = Booking.objects.create(hall=mpp["hall"], service=mpp["ktp"], day=tickets[4].day, slot=dt.time(8, 0),
                                     name="Budi", phone="081234567890", person_key="081234567890",
                                     status=Booking.Status.CHECKED_IN)
    Ticket.objects.filter(pk=tickets[4].pk).update(booking=booking)

    services.counter_call_next(counter=mpp["counters"][0], now=t0 + dt.timedelta(minutes=10))

    # The fifth visitor now has three ahead: one WhatsApp message, sent after the call committed.
    assert [(c["to"], c["in_transaction"]) for c in recorder.calls] == [("+6281234567890", False)]
    assert "tinggal 3 nomor" in recorder.calls[0]["body"]
    message = OutboxMessage.objects.get()
    assert (message.about, message.kind, message.status) == (f"ticket:{tickets[4].pk}", "three_ahead", "sent")
    assert list(TicketNotification.objects.values_list("ticket_id", "channel")) == [(tickets[4].pk, "whatsapp")]


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks between connections")
@pytest.mark.django_db(transaction=True)
def test_two_senders_never_send_the_same_message_twice(recorder):
    now = timezone.now()
    # Rows written directly (no background send after commit): only the senders below send them.
    OutboxMessage.objects.bulk_create([OutboxMessage(transport="whatsapp", recipient=f"+6281200000{n:03d}",
                                                     body=f"Pesan {n}", next_attempt_at=now) for n in range(40)])
    recorder.pause = 0.005  # a send takes a moment, so the senders overlap
    barrier = threading.Barrier(4)
    errors = []

    def sender():
        try:
            barrier.wait()
            while sum(outbox_send_due(now=now, limit=5).values()):
                pass
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    bodies = sorted(c["body"] for c in recorder.calls)
    assert len(bodies) == 40 and len(set(bodies)) == 40
    assert list(OutboxMessage.objects.order_by().values_list("status", "attempts").distinct()) == [("sent", 1)]


def test_with_a_deferring_task_backend_the_retry_is_a_task_due_at_the_next_attempt_time(recorder, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from balai.core.tasks import outbox_deliver

    recorder.fail_with = "gateway 503"
    message = outbox_enqueue(transport="whatsapp", to="+6281234567890", body="Halo")
    t0 = message.next_attempt_at
    outbox_send_due(now=t0)
    [retry] = outbox_deliver.get_backend().results
    assert (retry.task.func, retry.args, retry.task.run_after) == (outbox_deliver.func, [message.pk],
                                                                    t0 + dt.timedelta(minutes=1))


def test_a_sender_slowed_past_half_the_claim_lease_hands_the_unsent_rest_back(recorder, db, monkeypatch):
    messages = [outbox_enqueue(transport="whatsapp", to=f"+62812000000{n}", body=f"Pesan {n}") for n in range(3)]
    clock = iter([0.0, 1.0, CLAIM_SECONDS / 2 + 1])  # claim, first send, then half the lease is gone
    monkeypatch.setattr("balai.core.outbox.monotonic", lambda: next(clock))
    assert outbox_send_due(now=messages[-1].next_attempt_at) == {"sent": 1, "queued": 0, "failed": 0}
    rows = list(OutboxMessage.objects.order_by("pk").values_list("status", "attempts"))
    assert rows == [("sent", 1), ("queued", 0), ("queued", 0)]
    assert OutboxMessage.objects.filter(status="queued", next_attempt_at__lte=timezone.now()).count() == 2


def test_an_unknown_channel_is_refused_when_the_message_is_written(recorder, db):
    with pytest.raises(ValueError, match="unknown notification channel 'telegram'"):
        outbox_enqueue(transport="telegram", to="@budi", body="Halo")
    assert not OutboxMessage.objects.exists()
