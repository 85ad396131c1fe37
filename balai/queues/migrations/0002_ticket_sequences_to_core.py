"""Ticket counters move to core.Sequence (key ``ticket:<group id>``, period the local day ISO date), so
the numbers of a day already under way continue without reuse. Reversible."""

import datetime

from django.db import migrations


def counters_to_core(apps, schema_editor):
    db = schema_editor.connection.alias
    DailySequence = apps.get_model("queues", "DailySequence")
    Sequence = apps.get_model("core", "Sequence")
    for counter in DailySequence.objects.using(db).all().iterator():
        row, _created = Sequence.objects.using(db).get_or_create(
            key=f"ticket:{counter.group_id}", period=counter.day.isoformat(), defaults={"last": 0})
        if row.last < counter.last:
            Sequence.objects.using(db).filter(pk=row.pk).update(last=counter.last)


def counters_back(apps, schema_editor):
    db = schema_editor.connection.alias
    DailySequence = apps.get_model("queues", "DailySequence")
    QueueGroup = apps.get_model("queues", "QueueGroup")
    Sequence = apps.get_model("core", "Sequence")
    groups = set(QueueGroup.objects.using(db).values_list("pk", flat=True))
    for row in Sequence.objects.using(db).filter(key__startswith="ticket:"):
        group_id = int(row.key.split(":", 1)[1])
        if group_id in groups:
            DailySequence.objects.using(db).update_or_create(
                group_id=group_id, day=datetime.date.fromisoformat(row.period), defaults={"last": row.last})
        row.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_b_sequences_documents"),
        ("queues", "0001_initial"),
    ]

    operations = [migrations.RunPython(counters_to_core, counters_back)]
