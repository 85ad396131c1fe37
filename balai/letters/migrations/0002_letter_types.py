from django.db import migrations


def load_letter_types(apps, schema_editor):
    from balai.letters.catalogue import letter_types_ensure

    letter_types_ensure(apps.get_model("letters", "LetterType"))


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]
    operations = [migrations.RunPython(load_letter_types, migrations.RunPython.noop)]
