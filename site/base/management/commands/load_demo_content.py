from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo content of every part (settings.DEMO_CONTENT_LOADERS). Safe to run again."

    def handle(self, *args, **options):
        for dotted in settings.DEMO_CONTENT_LOADERS:
            module = import_module(dotted)
            with transaction.atomic():
                summary = module.load()
            self.stdout.write(f"{dotted}: {summary}")
