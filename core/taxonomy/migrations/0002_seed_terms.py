from django.db import migrations

from core.taxonomy.terms import CAMPAIGN_AREAS, VENUES


def seed(apps, schema_editor):
    for model_name, terms in (("Venue", VENUES), ("CampaignArea", CAMPAIGN_AREAS)):
        model = apps.get_model("taxonomy", model_name)
        for order, (code, name) in enumerate(terms):
            model.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
