# Service.fee becomes a RupiahField (64-bit: the 32-bit column stopped at Rp 2.147.483.647), still
# refused below 0 by the database (an explicit CHECK, since AlterField drops the positive-integer one).

import balai.core.money
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_initial'),
        ('services', '0003_a_workflow_choices_from_registry'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalservice',
            name='fee',
            field=balai.core.money.RupiahField(default=0, help_text='0 = gratis', verbose_name='biaya (rupiah)'),
        ),
        migrations.AlterField(
            model_name='service',
            name='fee',
            field=balai.core.money.RupiahField(default=0, help_text='0 = gratis', verbose_name='biaya (rupiah)'),
        ),
        migrations.AddConstraint(
            model_name='service',
            constraint=models.CheckConstraint(condition=models.Q(('fee__gte', 0)), name='service_fee_not_negative'),
        ),
    ]
