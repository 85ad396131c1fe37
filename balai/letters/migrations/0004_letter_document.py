"""Letters become documents (core.Document): a nullable link first, so that 0005 can fill it. The
letter's own token loses its uniqueness here (its value moves to the document in 0005) so that the
way back (0006 reversed re-adds the column with one default for all rows) works."""

import django.db.models.deletion
from django.db import migrations, models

import balai.core.models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_b_sequences_documents"),
        ("letters", "0003_letter_application"),
    ]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="document",
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="letter",
                                       to="core.document", verbose_name="dokumen"),
        ),
        migrations.AddField(
            model_name="historicalletter",
            name="document",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                                    to="core.document", verbose_name="dokumen"),
        ),
        migrations.AlterField(
            model_name="letter",
            name="verification_token",
            field=models.CharField(db_index=True, default=balai.core.models.new_verification_token, editable=False,
                                   max_length=64),
        ),
    ]
