"""A finer histogram of ``name_search`` on PostgreSQL.

With the default statistics target (100 buckets over 1.7 M names) PostgreSQL estimated 13 matches for
the prefix “sit” (there are 3,825), chose a bitmap scan and a sort of every match (22 ms) instead of
reading the first page off the ``(name_search, id)`` index (0.2 ms). With 1,000 buckets it estimates
≈ 3,500 and reads the index in order."""

from django.db import migrations

STATISTICS = "ALTER TABLE registry_person ALTER COLUMN name_search SET STATISTICS %s"


def finer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STATISTICS % 1000)


def default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STATISTICS % -1)


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_village_lookups_use_the_composite_index")]
    operations = [migrations.RunPython(finer, default)]
