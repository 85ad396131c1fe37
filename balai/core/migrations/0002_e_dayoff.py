# DayOff moves from applications to the calendar in core (issue 11, item 8). The rows are copied by
# applications/0003_e_dayoff_moved_to_core.py, which then drops the old table.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="DayOff",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(verbose_name="tanggal")),
                ("name", models.CharField(max_length=160, verbose_name="keterangan")),
                ("region_code", models.CharField(blank=True, default="", max_length=13,
                                                 verbose_name="kode wilayah (kosong = seluruh kabupaten)")),
            ],
            options={
                "verbose_name": "hari libur daerah",
                "verbose_name_plural": "hari libur daerah",
                "ordering": ["date", "region_code"],
                "constraints": [models.UniqueConstraint(fields=("date", "region_code"), name="core_unique_dayoff")],
            },
        ),
    ]
