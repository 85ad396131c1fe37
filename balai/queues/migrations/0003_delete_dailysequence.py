# The daily ticket counters now live in core.Sequence (copied by 0002).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('queues', '0002_ticket_sequences_to_core'),
    ]

    operations = [
        migrations.DeleteModel(
            name='DailySequence',
        ),
    ]
