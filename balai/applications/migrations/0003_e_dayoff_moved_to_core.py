# DayOff moves to core.DayOff (the calendar): copy every row, then drop the old table. Reversible: the
# old table is created again and the rows copied back. Works on SQLite and PostgreSQL (plain ORM).
# The old ``region`` (NULL = regency-wide) becomes ``region_code`` ("" = regency-wide). Two old
# regency-wide rows on one date were possible (NULLs never collide in a unique index); only the
# first of them is kept, since they meant the same day off.

from django.db import migrations


def copy_to_core(apps, schema_editor):
    old = apps.get_model("applications", "DayOff")
    new = apps.get_model("core", "DayOff")
    seen = set(new.objects.values_list("date", "region_code"))
    rows = []
    for date, name, region_code in old.objects.order_by("id").values_list("date", "name", "region_id"):
        key = (date, region_code or "")
        if key not in seen:
            seen.add(key)
            rows.append(new(date=date, name=name, region_code=key[1]))
    new.objects.bulk_create(rows, batch_size=500)


def copy_back(apps, schema_editor):
    old = apps.get_model("applications", "DayOff")
    new = apps.get_model("core", "DayOff")
    old.objects.bulk_create([old(date=date, name=name, region_id=code or None)
                             for date, name, code in new.objects.order_by("id").values_list("date", "name",
                                                                                             "region_code")],
                            batch_size=500)
    new.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0002_queue_arrival_index"),
        ("core", "0002_e_dayoff"),
    ]

    operations = [
        migrations.RunPython(copy_to_core, copy_back),
        migrations.DeleteModel(name="DayOff"),
    ]
