"""Issue 11: application notifications become core.OutboxMessage rows (one outbox for every module).
Existing delivery-log rows are copied in one INSERT … SELECT (times kept) with
``about="application:<id>"`` and ``kind`` = their template; pending ones stay queued, due at once, and
are sent by the next outbox sweep. Reversible: the reverse copies the application rows back. Plain SQL
that SQLite and PostgreSQL both run."""

from django.db import migrations

FORWARD = """
INSERT INTO core_outboxmessage (transport, recipient, subject, body, about, kind, status, attempts,
                                next_attempt_at, last_error, provider_ref, created_at, sent_at)
SELECT channel, recipient, subject, body,
       CASE WHEN application_id IS NULL THEN '' ELSE 'application:' || CAST(application_id AS VARCHAR(20)) END,
       template,
       CASE status WHEN 'pending' THEN 'queued' ELSE status END,
       attempts,
       CASE status WHEN 'pending' THEN created_at ELSE NULL END,
       error, provider_ref, created_at, sent_at
FROM applications_notification ORDER BY id
"""

BACKWARD = """
INSERT INTO applications_notification (application_id, channel, recipient, template, subject, body, status,
                                       attempts, error, provider_ref, created_at, sent_at)
SELECT a.id, m.transport, m.recipient, m.kind, m.subject, m.body,
       CASE m.status WHEN 'queued' THEN 'pending' ELSE m.status END,
       m.attempts, m.last_error, m.provider_ref, m.created_at, m.sent_at
FROM core_outboxmessage m
JOIN applications_application a ON 'application:' || CAST(a.id AS VARCHAR(20)) = m.about
WHERE m.about LIKE 'application:%' ORDER BY m.id
"""


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0003_e_dayoff_moved_to_core"),
        ("core", "0004_c_outbox_message"),
    ]

    operations = [
        migrations.RunSQL([FORWARD], [BACKWARD, "DELETE FROM core_outboxmessage WHERE about LIKE 'application:%'"]),
        migrations.DeleteModel(name="Notification"),
    ]
