"""The synonyms the public uses most, as a start the editors can change."""
from django.db import migrations

DEFAULT_GROUPS = ["电动车 / 电瓶车 / 电动自行车", "液化气 / 燃气 / 煤气", "灭火器 / 干粉"]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("sitesearch", "SynonymGroup")
    for words in DEFAULT_GROUPS:
        SynonymGroup.objects.get_or_create(words=words)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]
    operations = [migrations.RunPython(add_groups, migrations.RunPython.noop)]
