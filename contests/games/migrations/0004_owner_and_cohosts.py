"""Games belong to an owner and his co-hosts. An existing game's owner is the user who created it,
where that was recorded; a game without one stays with superusers until one names an owner."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def owners_from_creators(apps, schema_editor):
    PublicGame = apps.get_model("games", "PublicGame")
    PublicGame.objects.filter(owner__isnull=True, created_by__isnull=False).update(owner=models.F("created_by"))


class Migration(migrations.Migration):

    dependencies = [
        ('games', '0003_drawn_mix'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='publicgame',
            name='cohosts',
            field=models.ManyToManyField(blank=True, help_text='Other members of the Hosts group who may run this game.', related_name='cohosted_games', to=settings.AUTH_USER_MODEL, verbose_name='co-hosts'),
        ),
        migrations.AddField(
            model_name='publicgame',
            name='owner',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='owned_games', to=settings.AUTH_USER_MODEL, verbose_name='owner'),
        ),
        migrations.RunPython(owners_from_creators, migrations.RunPython.noop),
    ]
