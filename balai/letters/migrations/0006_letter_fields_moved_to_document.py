"""The letter's PDF, hash, signature, token, validity and check log now live on its core.Document
(moved by 0005); the old columns, the check log and the counters go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_b_sequences_documents'),
        ('letters', '0005_letter_pdfs_to_storage'),
    ]

    operations = [
        # Give the columns that go a default first, so that this migration can be reversed on a table
        # with rows (the reversal re-adds them empty; 0005 reversed fills them again).
        migrations.AlterField(model_name="letter", name="pdf", field=models.BinaryField(default=b"", verbose_name="berkas PDF")),
        migrations.AlterField(model_name="letter", name="pdf_sha256",
                              field=models.CharField(db_index=True, default="", max_length=64, verbose_name="SHA-256 PDF")),
        migrations.AlterField(model_name="letter", name="signature_method",
                              field=models.CharField(default="", max_length=20, verbose_name="metode tanda tangan")),
        migrations.AlterField(model_name="historicalletter", name="pdf_sha256",
                              field=models.CharField(db_index=True, default="", max_length=64, verbose_name="SHA-256 PDF")),
        migrations.AlterField(model_name="historicalletter", name="signature_method",
                              field=models.CharField(default="", max_length=20, verbose_name="metode tanda tangan")),
        migrations.RemoveField(
            model_name='historicalletter',
            name='pdf_sha256',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='revoke_reason',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='revoked_at',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='revoked_by',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='signature_key_id',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='signature_method',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='signature_value',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='status',
        ),
        migrations.RemoveField(
            model_name='historicalletter',
            name='verification_token',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='pdf',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='pdf_sha256',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='revoke_reason',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='revoked_at',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='revoked_by',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='signature_key_id',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='signature_method',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='signature_value',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='status',
        ),
        migrations.RemoveField(
            model_name='letter',
            name='verification_token',
        ),
        migrations.AlterField(
            model_name='letter',
            name='document',
            field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='letter', to='core.document', verbose_name='dokumen'),
        ),
        migrations.DeleteModel(
            name='LetterSequence',
        ),
        migrations.DeleteModel(
            name='Verification',
        ),
    ]
