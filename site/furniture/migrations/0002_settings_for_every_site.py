from django.db import migrations


def create(apps, schema_editor):
    """A settings row for every site up front: created on a visitor's first request instead, its save
    would retire the anonymous page cache (pagecache.generation) once more."""
    Site = apps.get_model("wagtailcore", "Site")
    SiteFurniture = apps.get_model("furniture", "SiteFurniture")
    for site in Site.objects.all():
        SiteFurniture.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [("furniture", "0001_initial"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
